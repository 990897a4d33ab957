/// The form as the XForm writer sees it: the survey tree with the nodes pyxform adds (the `meta`
/// group with `instanceID`, `_other` text questions for `or_other`, `_count` calculations for
/// computed repeat counts, table-list headers), every column already turned into bind, body and
/// instance attributes, and the choice lists with their `or_other` additions. Building it first
/// keeps the XML writing free of XLSForm rules, and gives every node the parent links that
/// relative paths need.
struct XFormSurvey: Sendable {
    /// A node's place in the tree.
    enum Kind: Sendable, Equatable {
        case survey, group, `repeat`, question
        /// An `xml-external` / `csv-external` row: only a secondary instance.
        case externalInstance
    }

    /// A bind attribute's value: an expression, or a message that may need itext.
    enum BindValue: Sendable, Equatable {
        case expression(String)
        case message(XFormText)
    }

    /// An XForms action attached to a node (`setvalue`, `odk:setgeopoint`, `odk:recordaudio`).
    struct Action: Sendable, Equatable {
        var name: String
        var event: String
        var attributes: [FormAttribute] = []
    }

    /// One element of the tree.
    struct Node: Sendable {
        var kind: Kind
        var name: String
        var parent: Int?
        var children: [Int] = []
        /// For questions: the control and bind shape of the type.
        var questionType = XFormQuestionType(tag: nil, bind: nil)
        /// The element type the row declared (nil for generated sections).
        var elementType: FormElementType?
        /// The type as written, trimmed (pyxform's type-specific rules look at it).
        var typeName = ""
        var label: XFormText?
        var hint: XFormText?
        var guidanceHint: XFormText?
        var media: [XFormMedia] = []
        /// Bind attributes in order; nil when the node makes no `<bind>`.
        var bind: [(String, BindValue)]?
        /// Body attributes in order (`appearance`, `body::` columns, parameters ...).
        var control: [(String, String)] = []
        /// A group that exists only in the instance (pyxform's `meta`).
        var bodyless = false
        var instanceAttributes: [(String, String)] = []
        var defaultValue: String?
        var dynamicDefault = false
        var actions: [Action] = []
        /// Names in the `trigger` column.
        var triggers: [String] = []
        /// Choice list name, `file.csv` for selects from a file, tick label list for ranges.
        var itemset: String?
        var choiceFilter: String?
        /// For `select_one_external` with a choice filter: the external list the input queries.
        var query: String?
        /// Parsed `parameters`, keys lower-cased, in the order written.
        var parameters: [(String, String)] = []
        /// The survey sheet row, for messages.
        var row = 0

        init(kind: Kind, name: String) {
            self.kind = kind
            self.name = name
        }

        func parameter(_ key: String) -> String? {
            parameters.first { $0.0 == key }?.1
        }

        func bindValue(_ key: String) -> BindValue? {
            bind?.first { $0.0 == key }?.1
        }

        var hasCalculation: Bool { bindValue("calculate") != nil }

        mutating func setBind(_ key: String, _ value: BindValue) {
            var attributes = bind ?? []
            if let index = attributes.firstIndex(where: { $0.0 == key }) {
                attributes[index].1 = value
            } else {
                attributes.append((key, value))
            }
            bind = attributes
        }

        mutating func setControl(_ key: String, _ value: String) {
            if let index = control.firstIndex(where: { $0.0 == key }) {
                control[index].1 = value
            } else {
                control.append((key, value))
            }
        }

        func controlValue(_ key: String) -> String? {
            control.first { $0.0 == key }?.1
        }

        var isSelect: Bool {
            switch elementType {
            case .selectOne?, .selectMultiple?, .selectOneFromFile?, .selectMultipleFromFile?, .rank?: true
            default: false
            }
        }
    }

    /// Index of the root (the survey itself) in ``nodes``.
    static let root = 0

    var nodes: [Node]
    var itemsets: [XFormItemset]
    var title: String
    var formID: String
    var version: String?
    var defaultLanguage: String
    /// `style` setting: the body's class.
    var style: String?
    /// Extra namespaces from the `namespaces` setting, as (prefix, URI).
    var namespaces: [(String, String)] = []
    /// Attributes of the `<submission>` element, empty when there is none.
    var submissionAttributes: [(String, String)] = []
    /// Attributes of the primary instance's root element, in pyxform's order.
    var rootAttributes: [(String, String)] = []
    /// `setvalue` targets (name, calculation) by the name of the question that triggers them.
    var setvaluesByTrigger: [String: [(String, String)]] = [:]
    /// `odk:setgeopoint` targets by triggering question name.
    var setgeopointsByTrigger: [String: [(String, String)]] = [:]
    /// File name used in problems.
    var fileName: String
    /// Node by name, or nil when the name is used more than once.
    private(set) var nodeByName: [String: Int?] = [:]

    init(nodes: [Node], itemsets: [XFormItemset], title: String, formID: String, version: String?,
         defaultLanguage: String, fileName: String) {
        self.nodes = nodes
        self.itemsets = itemsets
        self.title = title
        self.formID = formID
        self.version = version
        self.defaultLanguage = defaultLanguage
        self.fileName = fileName
    }

    /// Indexes nodes by name for `${name}` lookups; call after the tree is complete.
    mutating func indexNames() {
        var result: [String: Int?] = [:]
        for index in nodes.indices where nodes[index].kind != .externalInstance {
            let name = nodes[index].name
            if result[name] != nil { result[name] = .some(nil) } else { result[name] = .some(index) }
        }
        nodeByName = result
    }

    func itemset(named name: String) -> XFormItemset? {
        itemsets.first { $0.name == name }
    }

    /// Every node in document order (depth first), starting with the survey itself.
    func descendants(of start: Int = root) -> [Int] {
        var result: [Int] = []
        func visit(_ index: Int) {
            result.append(index)
            for child in nodes[index].children { visit(child) }
        }
        visit(start)
        return result
    }

    /// Ancestors from the parent up to the survey.
    func ancestors(of index: Int) -> [Int] {
        var result: [Int] = []
        var current = nodes[index].parent
        while let node = current {
            result.append(node)
            current = nodes[node].parent
        }
        return result
    }

    /// The nearest repeat above the node, if any.
    func enclosingRepeat(of index: Int) -> Int? {
        ancestors(of: index).first { nodes[$0].kind == .repeat }
    }

    /// Absolute path, e.g. `/data/household/age`.
    func xpath(of index: Int) -> String {
        "/" + (ancestors(of: index).reversed() + [index]).map { nodes[$0].name }.joined(separator: "/")
    }

    /// Path below `ancestor`, e.g. `/group/age` for `/data/household/group/age` below `household`.
    func xpath(of index: Int, below ancestor: Int) -> String {
        var names = [nodes[index].name]
        var current = nodes[index].parent
        while let node = current, node != ancestor {
            names.append(nodes[node].name)
            current = nodes[node].parent
        }
        return "/" + names.reversed().joined(separator: "/")
    }

    /// The lowest repeat containing both nodes, with the number of steps up from `source` to it.
    func lowestCommonRepeat(of source: Int, and target: Int) -> (repeat: Int, steps: Int)? {
        let targetAncestors = Set(ancestors(of: target))
        for (distance, ancestor) in ancestors(of: source).enumerated()
        where nodes[ancestor].kind == .repeat && targetAncestors.contains(ancestor) {
            return (ancestor, distance + 1)
        }
        return nil
    }
}
