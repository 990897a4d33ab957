/// Every plain question type pyxform knows (its question type dictionary, with the legacy
/// "add … prompt" and "q …" spellings), mapped to the model's ``FormElementType``. Selects,
/// groups and repeats are read by ``TypeCell`` because they carry a list name or a section kind.
enum QuestionTypeCatalog {
    /// The element type for a plain type name (case-sensitive, as in pyxform), or nil when
    /// pyxform does not know the name.
    static func type(named name: String) -> FormElementType? {
        types[aliases[name] ?? name]
    }

    /// Types pyxform accepts but Counted cannot represent, with the reason given to the author.
    static let unsupported: [String: String] = [
        "osm": "OpenStreetMap (osm) questions are not supported by Counted.",
    ]

    /// pyxform's spellings that are renamed before anything else is decided.
    private static let aliases: [String: String] = [
        "imei": "deviceid", "image": "photo", "add image prompt": "photo", "add photo prompt": "photo",
        "add audio prompt": "audio", "add video prompt": "video", "add file prompt": "file",
    ]

    private static let types: [String: FormElementType] = [
        "text": .text, "string": .text, "q string": .text, "add text prompt": .text,
        // Text that pyxform constrains to digits.
        "phone number": .text,
        "integer": .integer, "int": .integer, "q int": .integer, "add integer prompt": .integer,
        // Integers that pyxform constrains to a range.
        "percentage": .integer, "number of days in last month": .integer,
        "number of days in last six months": .integer, "number of days in last year": .integer,
        "decimal": .decimal, "q decimal": .decimal, "add decimal prompt": .decimal,
        "range": .range,
        "note": .note, "q note": .note, "add note prompt": .note,
        "acknowledge": .acknowledge, "q acknowledge": .acknowledge, "add acknowledge prompt": .acknowledge,
        "trigger": .trigger,
        "geopoint": .geopoint, "q geopoint": .geopoint, "location": .geopoint, "q location": .geopoint,
        "gps": .geopoint, "add location prompt": .geopoint,
        "geotrace": .geotrace, "q geotrace": .geotrace,
        "geoshape": .geoshape, "q geoshape": .geoshape,
        "date": .date, "q date": .date, "add date prompt": .date,
        "time": .time,
        "dateTime": .dateTime, "datetime": .dateTime, "date time": .dateTime, "q date time": .dateTime,
        "q dateTime": .dateTime, "add date time prompt": .dateTime, "add dateTime prompt": .dateTime,
        "photo": .image, "q picture": .image, "q image": .image,
        "audio": .audio, "q audio": .audio,
        "video": .video, "q video": .video,
        "file": .file,
        "barcode": .barcode, "q barcode": .barcode, "add barcode prompt": .barcode,
        "calculate": .calculate, "q calculate": .calculate, "add calculate prompt": .calculate,
        "hidden": .hidden,
        "start": .metadata(.start), "start time": .metadata(.start), "get start time": .metadata(.start),
        "end": .metadata(.end), "end time": .metadata(.end), "get end time": .metadata(.end),
        "today": .metadata(.today), "get today": .metadata(.today),
        "deviceid": .metadata(.deviceid), "device id": .metadata(.deviceid),
        "get device id": .metadata(.deviceid), "uri:deviceid": .metadata(.deviceid),
        "username": .metadata(.username), "uri:username": .metadata(.username),
        "phonenumber": .metadata(.phonenumber), "get phone number": .metadata(.phonenumber),
        "uri:phonenumber": .metadata(.phonenumber),
        "email": .metadata(.email), "uri:email": .metadata(.email),
        "subscriberid": .metadata(.subscriberid), "subscriber id": .metadata(.subscriberid),
        "get subscriber id": .metadata(.subscriberid), "uri:subscriberid": .metadata(.subscriberid),
        "simserial": .metadata(.simserial), "sim id": .metadata(.simserial),
        "get sim id": .metadata(.simserial), "uri:simserial": .metadata(.simserial),
        "audit": .metadata(.audit),
        "start-geopoint": .metadata(.startGeopoint),
        "background-audio": .metadata(.backgroundAudio),
        "background-geopoint": .metadata(.backgroundGeopoint),
        "xml-external": .xmlExternal, "csv-external": .csvExternal,
    ]

    /// The name pyxform uses internally for `name` (after its first renaming), which decides
    /// which type-specific checks run: only the exact names below have their parameters checked.
    static func canonicalName(_ name: String) -> String {
        aliases[name] ?? name
    }
}
