import Foundation

/// The printable report as PDF, rendered by headless Chromium when the machine has it. The report
/// page carries its own stylesheet, so Chromium prints it from a file, with no request back to
/// the server and nothing of the visitor's session in it.
enum ReportPDF {
    enum Failure: Error, CustomStringConvertible {
        case noChromium
        case failed(String)

        var description: String {
            switch self {
            case .noChromium:
                "PDF needs Chromium on the server (Debian: apt-get install chromium; or set COUNTED_CHROMIUM). Print the report page from your browser instead."
            case .failed(let reason):
                "Chromium could not render the report: \(reason). Print the report page from your browser instead."
            }
        }
    }

    /// The first of COUNTED_CHROMIUM, chromium, chromium-browser, google-chrome found on PATH.
    static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let configured = environment["COUNTED_CHROMIUM"], FileManager.default.isExecutableFile(atPath: configured) {
            return URL(fileURLWithPath: configured)
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
                return URL(fileURLWithPath: directory + "/" + name)
            }
        }
        return nil
    }

    static func render(html: String, timeout: Duration = .seconds(90)) async throws -> Data {
        guard let chromium = chromium() else { throw Failure.noChromium }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("counted-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html"), pdf = directory.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page)

        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
            "--user-data-dir=" + directory.appendingPathComponent("profile").path, "--print-to-pdf=" + pdf.path, page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                    do { try process.run() } catch {
                        process.terminationHandler = nil
                        continuation.resume(returning: -1)
                    }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            if first == nil, process.isRunning { process.terminate() }
            return first ?? -2
        }
        guard status == 0, let data = try? Data(contentsOf: pdf), data.starts(with: Data("%PDF".utf8)) else {
            throw Failure.failed(status == -2 ? "it took too long" : "exit status \(status)")
        }
        return data
    }
}
