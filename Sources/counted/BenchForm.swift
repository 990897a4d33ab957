import Foundation

/// The questionnaire `counted bench ingest` publishes, and the submissions it sends: a household
/// visit with a group, a repeat of people and a nested repeat of children, like the forms
/// collectors fill in the field, so that a submission stores a realistic number of values.
enum BenchForm {
    static let fileName = "household.csv"
    static let formID = "household"
    static let version = "bench-1"

    static let csv = """
    survey,,,,,,
    ,type,name,label,required,constraint,relevant
    ,start,start,,,,
    ,text,village,Village,yes,,
    ,date,visit_date,Date of the visit,yes,,
    ,geopoint,location,Location,,,
    ,begin group,household,Household,,,
    ,integer,size,How many people live here?,yes,. > 0 and . < 50,
    ,decimal,income,Monthly income,,. >= 0,
    ,select_multiple services,services,Services available,,,
    ,end group,,,,,
    ,begin repeat,people,People,,,
    ,text,name,Name,yes,,
    ,integer,age,Age,yes,,
    ,select_one yes_no,disability,Disability?,,,${age} > 5
    ,begin repeat,child,Children,,,
    ,text,child_name,Child's name,,,
    ,end repeat,,,,,
    ,end repeat,,,,,
    ,dateTime,visited_at,When,,,
    ,note,thanks,Thank you,,,
    choices,,,,,,
    ,list_name,name,label,,,
    ,yes_no,yes,Yes,,,
    ,yes_no,no,No,,,
    ,services,water,Water,,,
    ,services,power,Electricity,,,
    ,services,school,School,,,
    settings,,,,,,
    ,form_title,form_id,version,,,
    ,Household visit,household,bench-1,,,
    """

    /// The XML ODK Collect would send for visit number `index` of a run: two people, two
    /// children, and an instance ID no other submission of the run has.
    static func submission(run: String, index: Int) -> Data {
        let instanceID = "uuid:bench-\(run)-\(index)"
        let xml = """
        <?xml version='1.0' ?><data id="\(formID)" version="\(version)" xmlns:jr="http://openrosa.org/javarosa" \
        xmlns:orx="http://openrosa.org/xforms"><start>2026-11-22T09:12:03.114+03:00</start><village>Village \(index % 97)</village>\
        <visit_date>2026-11-22</visit_date><location>-1.3133 36.7876 1695.2 4.8</location><household><size>\(2 + index % 6)</size>\
        <income>\(1000 + index % 5000).50</income><services>water power</services></household><people><name>Achieng</name>\
        <age>\(18 + index % 60)</age><disability>\(index % 7 == 0 ? "yes" : "no")</disability><child><child_name>Otieno</child_name></child>\
        <child><child_name>Awino</child_name></child></people><people><name>Baraka</name><age>3</age><child><child_name/></child></people>\
        <visited_at>2026-11-22T09:40:00.000+03:00</visited_at><thanks/><meta><instanceID>\(instanceID)</instanceID></meta></data>
        """
        return Data(xml.utf8)
    }

    static let boundary = "----CountedBenchBoundary5f2c"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    /// The `multipart/form-data` body ODK Collect sends: one part, the XML.
    static func multipart(_ xml: Data) -> Data {
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; filename=\"submission.xml\"\r\n".utf8))
        body.append(Data("Content-Type: text/xml\r\n\r\n".utf8))
        body.append(xml)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return body
    }
}
