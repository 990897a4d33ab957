/// Why a request could not be answered: the design does not fit the data, an estimate cannot
/// be formed, or the population table is unusable. Each message names the column or row.
public enum EstimationRequestError: Error, Sendable, CustomStringConvertible {
    case design(DesignError)
    case estimation(EstimationError)
    case population(String)

    public var description: String {
        switch self {
        case .design(let error): "\(error)"
        case .estimation(let error): error.description
        case .population(let message): message
        }
    }
}
