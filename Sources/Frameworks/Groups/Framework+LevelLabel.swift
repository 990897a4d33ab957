extension Framework {
    /// A level's label for people: Counted's own ("Persons with disability"), an age band's
    /// ("18 to 29"), else the code as the framework wrote it. Pages, charts and open-data files
    /// all name groups this way.
    public func label(ofLevel code: String, dimension: String) -> String {
        if code == DimensionCatalogue.total { return "Total" }
        if let label = DimensionCatalogue.levelLabels[dimension]?[code] { return label }
        if case .ageBands(_, let bands) = group(dimension: dimension)?.definition,
           let band = bands.first(where: { $0.code == code }) {
            return band.label
        }
        return code
    }
}
