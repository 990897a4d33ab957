/// How a confidence interval is formed. Proportions near 0 or 1 need intervals that stay inside
/// [0, 1] and are not too short for small effective samples, hence the logit and Korn-Graubard
/// methods alongside the plain Wald interval.
public enum IntervalMethod: String, Sendable, Hashable, Codable {
    /// Estimate +/- t * SE, with t on the design degrees of freedom.
    case wald
    /// Estimate +/- z * SE (normal quantile), as R's `confint` on a `svystat` or `svycontrast`.
    case waldNormal
    /// For a proportion: a t interval (design df) for logit(p) with SE(p) / (p (1 - p)), mapped
    /// back (R's `svyciprop(method = "logit")`).
    case logit
    /// For a proportion: Korn-Graubard, the Clopper-Pearson interval at the effective sample size
    /// p (1 - p) / Var(p), adjusted by (t(n - 1) / t(df))^2 (R's `svyciprop(method = "beta")`).
    case kornGraubard
}
