/// The auditor's verdict on a published table: one finding per hidden cell.
public struct DisclosureAudit: Sendable, Hashable, Codable {
    public var findings: [HiddenCellFinding]

    public init(findings: [HiddenCellFinding]) {
        self.findings = findings
    }

    /// Hidden cells a reader can recover, in cell order.
    public var disclosedCells: [Int] {
        findings.filter(\.isDisclosed).map(\.cell)
    }

    /// No hidden cell can be recovered.
    public var isSafe: Bool {
        !findings.contains(where: \.isDisclosed)
    }

    public func finding(for cell: Int) -> HiddenCellFinding? {
        findings.first { $0.cell == cell }
    }
}
