/// The value axis of a chart: the range it spans and its ticks at 1, 2 or 5 times a power of ten.
///
/// Round ticks are what people read values off without effort. A range the caller gives (0 to
/// 100 for percentages) is kept as it is so that charts of the same indicator compare at a
/// glance, but widened when the data or their intervals fall outside it: a mark clipped at the
/// edge would misstate its value. A computed range is the data's extent rounded out to ticks.
struct ChartScale: Sendable, Hashable {
    let lower: Double
    let upper: Double
    let step: Double
    let ticks: [Double]

    /// - Parameters:
    ///   - values: every number the chart draws, interval ends included.
    ///   - fixed: the range the caller asked for, if any.
    ///   - includeZero: bars are read by their length from zero, so their axis must hold zero.
    ///   - intervals: how many steps between ticks to aim for at most.
    init(values: [Double], fixed: ClosedRange<Double>?, includeZero: Bool, intervals: Int) {
        var low = values.min() ?? 0
        var high = values.max() ?? 0
        if let fixed {
            low = min(low, fixed.lowerBound)
            high = max(high, fixed.upperBound)
        }
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            // One value and nothing else: give it room, on the side of zero for bars.
            let room = low == 0 ? 1 : abs(low) * 0.1
            if includeZero && low > 0 { high += room } else if includeZero && low < 0 { low -= room } else {
                low -= room
                high += room
            }
        }
        let step = Self.niceStep((high - low) / Double(max(intervals, 1)))
        // An end the caller fixed stays where it is; an end the data set is rounded out to a tick.
        if fixed.map({ low < $0.lowerBound }) ?? true {
            low = (low / step).rounded(.down) * step
        }
        if fixed.map({ high > $0.upperBound }) ?? true {
            high = (high / step).rounded(.up) * step
        }
        let first = (low / step - 1e-9).rounded(.up)
        let last = (high / step + 1e-9).rounded(.down)
        self.lower = low
        self.upper = high
        self.step = step
        // Ticks are whole multiples of the step, counted rather than added up, so that rounding
        // errors do not pile up. A range near the limits of Double gets its two ends instead.
        if first.isFinite, last.isFinite, first <= last, last - first <= 100 {
            self.ticks = stride(from: first, through: last, by: 1).map { $0 * step }
        } else {
            self.ticks = [low, high]
        }
    }

    /// The scale with the most ticks (up to six steps) whose ticks are at least `spacing(scale)`
    /// apart over `span` units, so that tick labels never overlap, down to a single step.
    static func fitting(values: [Double], fixed: ClosedRange<Double>?, includeZero: Bool, span: Double,
                        spacing: (ChartScale) -> Double) -> ChartScale {
        var intervals = 6
        while true {
            let scale = ChartScale(values: values, fixed: fixed, includeZero: includeZero, intervals: intervals)
            if intervals == 1 || span * scale.step / (scale.upper - scale.lower) >= spacing(scale) {
                return scale
            }
            intervals -= 1
        }
    }

    /// The smallest of 1, 2 and 5 times a power of ten that is at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 1e-300, raw.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for multiple in [1.0, 2, 5, 10] where power * multiple >= raw * (1 - 1e-12) {
            return power * multiple
        }
        return power * 10
    }

    /// Where `value` falls, from 0 at ``lower`` to 1 at ``upper``.
    func fraction(_ value: Double) -> Double {
        (value - lower) / (upper - lower)
    }

    /// Decimals a tick label needs to tell its ticks apart: none for steps of 1 or more.
    var decimals: Int {
        var places = 0
        var scaled = step
        while scaled < 1 - 1e-9 && places < 6 {
            scaled *= 10
            places += 1
        }
        return places
    }

    /// A tick's label: as many decimals as the step needs, with a percent sign for percentages.
    func label(_ tick: Double, unit: String) -> String {
        ChartNumber.format(tick, unit: unit, decimals: decimals)
    }
}
