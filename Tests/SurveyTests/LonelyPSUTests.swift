import Testing
import Survey

/// Strata (or, in multistage designs, clusters) with a single sampled unit, against R survey 4.1.1
/// with `options(survey.lonely.psu = "adjust")`. The R code that produced each value is in the
/// comment above it; all expected values are printed by R with `options(digits = 15)`.
@Suite("Lonely PSUs as R's adjust")
struct LonelyPSUTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(abs(b), 1)
    }

    /// ```r
    /// library(survey); options(survey.lonely.psu = "adjust", digits = 15)
    /// d <- data.frame(st = c(1,1,1,2,3,3), y = c(1,2,4,7,3,5), x = c(2,1,3,4,2,2),
    ///                 g = c("a","b","a","a","b","b"), w = c(2,2,2,3,1,1))
    /// des <- svydesign(ids = ~1, strata = ~st, weights = ~w, data = d)
    /// svymean(~y, des); svytotal(~y, des); svyratio(~y, ~x, des)
    /// svyby(~y, ~g, des, svymean); svyby(~y, ~g, des, svytotal)
    /// ```
    /// R does not centre a lonely stratum's PSU total at all (onestrat skips the sweep), so a
    /// total's lonely stratum adds its whole PSU total squared: 21.7486, not the 14.945 that
    /// centring at the mean of all PSU totals would give.
    @Test func singleStageStratifiedMatchesR() throws {
        let data = try SurveyTable(csv: "st,y,x,g,w\n1,1,2,a,2\n1,2,1,b,2\n1,4,3,a,2\n2,7,4,a,3\n3,3,2,b,1\n3,5,2,b,1\n")
        let design = try SurveyDesign(data: data, weights: "w", strata: "st")
        #expect(design.lonelyStrata == ["2"])

        let mean = try design.mean("y")
        #expect(Self.close(mean.value, 3.90909090909091))
        #expect(Self.close(mean.standardError, 0.987456332644221))
        #expect(mean.notes.contains(.lonelyPSU(strata: ["2"])))
        let total = try design.total("y")
        #expect(Self.close(total.value, 43))
        #expect(Self.close(total.standardError, 21.7485631709315))
        let ratio = try design.ratio("y", to: "x")
        #expect(Self.close(ratio.value, 1.53571428571429))
        #expect(Self.close(ratio.standardError, 0.195798087015171))

        let means = try design.estimates(.mean("y"), by: ["g"])
        #expect(Self.close(try #require(means["a"]).standardError, 1.438449811159681))
        #expect(Self.close(try #require(means["b"]).standardError, 0.707106781186548))
        let totals = try design.estimates(.total("y"), by: ["g"])
        #expect(Self.close(try #require(totals["a"]).value, 31))
        #expect(Self.close(try #require(totals["a"]).standardError, 22.20360331117452))
        // Domain b has no row in the lonely stratum: it adds nothing there.
        #expect(Self.close(try #require(totals["b"]).standardError, 4.47213595499958))
    }

    /// ```r
    /// d2 <- data.frame(st = c(1,1,1,1,2,2,3,3,3), psu = c(1,1,2,3,4,4,5,6,6),
    ///                  y = c(1,0,1,1,0,1,1,0,0), w = c(1,1,2,2,3,3,1,2,2), g = c(1,2,1,2,1,2,2,1,1))
    /// des2 <- svydesign(ids = ~psu, strata = ~st, weights = ~w, data = d2)
    /// svymean(~y, des2); svytotal(~y, des2)
    /// svyby(~y, ~g, des2, svymean); svyby(~y, ~g, des2, svytotal)
    /// ```
    @Test func clusteredWithDomainsMatchesR() throws {
        let data = try SurveyTable(csv: """
            st,psu,y,w,g
            1,1,1,1,1
            1,1,0,1,2
            1,2,1,2,1
            1,3,1,2,2
            2,4,0,3,1
            2,4,1,3,2
            3,5,1,1,2
            3,6,0,2,1
            3,6,0,2,1

            """)
        let design = try SurveyDesign(data: data, weights: "w", strata: "st", clusters: ["psu"])
        #expect(design.lonelyStrata == ["2"])
        let mean = try design.mean("y")
        #expect(Self.close(mean.value, 0.529411764705882))
        #expect(Self.close(mean.standardError, 0.163547436651854))
        let total = try design.total("y")
        #expect(Self.close(total.value, 9))
        #expect(Self.close(total.standardError, 3.3166247903554))
        let means = try design.estimates(.mean("y"), by: ["g"])
        #expect(Self.close(try #require(means["1"]).value, 0.3))
        #expect(Self.close(try #require(means["1"]).standardError, 0.192873015219859))
        #expect(Self.close(try #require(means["2"]).value, 0.857142857142857))
        #expect(Self.close(try #require(means["2"]).standardError, 0.160694038245139))
        let totals = try design.estimates(.total("y"), by: ["g"])
        #expect(Self.close(try #require(totals["1"]).standardError, 1.73205080756888))
        #expect(Self.close(try #require(totals["2"]).standardError, 3.74165738677394))
    }

    /// Two stages with fpcs: PSU 2 of stratum 1 (4 SSUs in the population) and PSU 5 of stratum 2
    /// (2 SSUs) have one SSU sampled; R's "adjust" lets such a lonely SSU add f * total^2 at
    /// stage 2, scaled by the stage-1 sampling fraction. PSU 3 had its only SSU taken (N2 = 1):
    /// nothing.
    /// ```r
    /// d3 <- data.frame(st = c(1,1,1,1,1,2,2,2), psu = c(1,1,1,2,3,4,4,5), ssu = c(1,2,3,1,1,1,2,1),
    ///                  N1 = c(10,10,10,10,10,6,6,6), N2 = c(5,5,5,4,1,3,3,2), y = c(2,4,3,5,1,6,2,3))
    /// des3 <- svydesign(ids = ~psu + ssu, strata = ~st, fpc = ~N1 + N2, data = d3)
    /// svymean(~y, des3); svytotal(~y, des3)
    /// ```
    @Test func multistageLonelyUnitsMatchR() throws {
        let data = try SurveyTable(csv: """
            st,psu,ssu,N1,N2,y
            1,1,1,10,5,2
            1,1,2,10,5,4
            1,1,3,10,5,3
            1,2,1,10,4,5
            1,3,1,10,1,1
            2,4,1,6,3,6
            2,4,2,6,3,2
            2,5,1,6,2,3

            """)
        let design = try SurveyDesign(data: data, strata: "st", clusters: ["psu", "ssu"], fpc: ["N1", "N2"])
        #expect(design.notes == [.lonelyUnits(stage: 2, count: 2)])
        let mean = try design.mean("y")
        #expect(Self.close(mean.value, 3.6))
        #expect(Self.close(mean.standardError, 0.55205507316299))
        let total = try design.total("y")
        #expect(Self.close(total.value, 174))
        #expect(Self.close(total.standardError, 59.8368151261783))
    }
}
