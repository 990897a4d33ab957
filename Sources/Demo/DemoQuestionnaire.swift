import Frameworks

/// The demo's questionnaire (an XLSForm in CSV form) and its indicator.
enum DemoQuestionnaire {
    static let fileName = "work_and_disability.csv"

    static let csv = """
    survey,,,,,
    ,type,name,label,hint,required
    ,note,intro,"This survey asks about work. Your answers are confidential.",,
    ,select_one sex,sex,What is your sex?,,yes
    ,integer,age,How old are you?,In completed years.,yes
    ,select_one difficulty,walking,Do you have difficulty walking or climbing steps?,,yes
    ,select_one identity,disability,Which of these describes you?,Answer as you see yourself.,yes
    ,select_one yes_no,paid_work,"In the last 7 days, did you do any paid work?",,yes
    ,text,comment,Is there anything else you want to tell us?,,
    choices,,,,,
    ,list_name,name,label,,
    ,sex,female,Female,,
    ,sex,male,Male,,
    ,sex,other,Another sex or prefer to self-describe,,
    ,difficulty,none,"No, no difficulty",,
    ,difficulty,some,"Yes, some difficulty",,
    ,difficulty,a_lot,"Yes, a lot of difficulty",,
    ,difficulty,cannot,Cannot do at all,,
    ,identity,yes,A person with a disability,,
    ,identity,no,A person without a disability,,
    ,yes_no,yes,Yes,,
    ,yes_no,no,No,,
    settings,,,,,
    ,form_title,form_id,version,,
    ,Work and disability,work_and_disability,2026-1,,
    """

    static let indicator = ProportionIndicator(
        code: DemoSeed.indicatorCode, title: "People in paid work", formID: "work_and_disability",
        field: "paid_work", value: "yes", disaggregateBy: "disability")
}
