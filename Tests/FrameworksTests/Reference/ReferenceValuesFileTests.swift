import Foundation
import Frameworks
import Testing

@Suite struct ReferenceValuesFileTests {
    static var framework: Framework {
        get throws { try FrameworkFile.read(FrameworkFileTests.valid, fileName: "framework.yaml") }
    }

    @Test func readsCountedsLayout() throws {
        let text = """
        indicator,period,SEX,DISABILITY_STATUS,value,standard_error,source
        W-1,2024,_T,_T,0.61,0.004,Labour force survey 2024
        W-1,2024,F,PD,0.32,0.02,Labour force survey 2024
        W-1,2024,,NPD,0.66,,Labour force survey 2024
        """
        let values = try ReferenceValuesFile.read(text, fileName: "reference.csv", framework: Self.framework)
        #expect(values.count == 3)
        #expect(values[0].levels.isEmpty && values[0].value == 0.61 && values[0].standardError == 0.004)
        #expect(values[1].levels == ["SEX": "F", "DISABILITY_STATUS": "PD"])
        #expect(values[2].levels == ["DISABILITY_STATUS": "NPD"] && values[2].standardError == nil)
        #expect(values[2].source == "Labour force survey 2024")
    }

    @Test func readsSDMXCSV() throws {
        let text = """
        DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA,SEX,AGE,DISABILITY_STATUS,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,SOURCE_DETAIL
        IAEG-SDGs:DF_SDG_GLH(1.0),A,N,SL_EMP_PCAP,404,_T,_T,PD,2023,0.29,PT,Census 2019
        IAEG-SDGs:DF_SDG_GLH(1.0),A,N,SL_EMP_PCAP,404,_T,_T,_T,2023,0.58,PT,Census 2019
        """
        let values = try ReferenceValuesFile.read(text, fileName: "sdg.csv", framework: Self.framework, series: ["SL_EMP_PCAP": "W-1"])
        #expect(values.map(\.indicator) == ["W-1", "W-1"])
        #expect(values[0].levels == ["DISABILITY_STATUS": "PD"], "AGE is not a group of this framework's indicators? It is: \(values[0].levels)")
        #expect(values[1].levels.isEmpty)
        #expect(values.allSatisfy { $0.period == "2023" && $0.source == "Census 2019" })
    }

    @Test func problemsNameLineAndColumn() throws {
        let text = """
        indicator,period,SEX,value,source
        W-1,2024,F,0.61,LFS
        W-9,2024,F,0.5,LFS
        W-1,2024,M,lots,LFS
        W-3,2024,M,1,LFS
        """
        let framework = try Self.framework
        do {
            _ = try ReferenceValuesFile.read(text, fileName: "reference.csv", framework: framework)
            Issue.record("the file was accepted")
        } catch {
            let places = error.problems.map { "\($0.line ?? 0) \($0.field ?? "")" }
            #expect(places == ["3 indicator", "4 value", "5 indicator"])
            #expect(error.problems[0].description.hasPrefix("reference.csv, line 3, field indicator: 'W-9' is not an indicator"))
        }
    }

    @Test func anUnknownColumnIsRefused() throws {
        let text = "indicator,period,REGION,value,source\nW-1,2024,north,0.5,LFS\n"
        #expect(throws: FrameworkFileError.self) { try ReferenceValuesFile.read(text, fileName: "r.csv", framework: try Self.framework) }
    }
}
