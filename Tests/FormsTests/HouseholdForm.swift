import Forms

/// The example questionnaire from the XLSForm CSV documentation, shared by the tests.
enum HouseholdForm {
    static let csv = """
        survey,,,,
        ,type,name,label,required
        ,select_one sex,sex,What is your sex?,yes
        ,integer,age,How old are you?,yes
        ,text,comment,Anything else?,
        choices,,,,
        ,list_name,name,label,
        ,sex,female,Female,
        ,sex,male,Male,
        settings,,,,
        ,form_title,form_id,version,
        ,Household survey,household,2024-1,

        """

    static func questionnaire() throws -> Questionnaire {
        try XLSFormCSV.read(csv, fileName: "household.csv", fallbackFormID: "unused")
    }
}
