/// One media column (`image`, `big-image`, `audio`, `video`) of a question or choice.
struct XFormMedia: Sendable, Equatable {
    /// The itext form: "image", "big-image", "audio" or "video".
    var form: String
    var text: XFormText

    /// The non-empty media columns, in a fixed order (the model does not keep their column order;
    /// itext values are unordered).
    static func list(_ media: FormMedia, defaultLanguage: String) -> [XFormMedia] {
        let columns: [(String, LocalizedText)] = [
            ("image", media.image), ("big-image", media.bigImage), ("audio", media.audio), ("video", media.video),
        ]
        return columns.compactMap { form, text in
            XFormText.fromGroupedColumn(text, defaultLanguage: defaultLanguage).map { XFormMedia(form: form, text: $0) }
        }
    }
}
