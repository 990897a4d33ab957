// swift-tools-version:6.1
import PackageDescription

// Data flows one way: Forms/Survey (pure domain) -> Frameworks -> Accounts -> Storage -> Server -> counted.
// Forms, Survey, Frameworks and Accounts do no I/O; nothing below Server imports Hummingbird.
let package = Package(
    name: "counted",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "counted", targets: ["counted"]),
        .library(name: "Forms", targets: ["Forms"]),
        .library(name: "Survey", targets: ["Survey"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.3.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // Already used by Hummingbird; named here for `counted bench`'s loopback HTTP client.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
    ],
    targets: [
        // Pure domain: the questionnaire model, XLSForm reading, checking a submission against a form.
        .target(name: "Forms", dependencies: [
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Pure domain: design-based survey estimates (Taylor linearisation, domains, calibration), gaps, trends, disclosure control.
        .target(name: "Survey"),
        // Pure domain: frameworks, indicators and their computations, population groups, reference values, kits.
        .target(name: "Frameworks", dependencies: [
            "Forms", "Survey",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The starter kits in kits/<name>/ (framework, questionnaires, README, synthetic model), bundled.
        .target(
            name: "Kits", dependencies: ["Frameworks"], path: "kits", exclude: ["README.md"],
            resources: [
                .copy("disability-barometer"), .copy("human-rights-defenders"), .copy("indigenous-rights"), .copy("lgbti-barometer"),
            ]
        ),
        // Pure domain: users, roles, permissions, password and token hashing.
        .target(name: "Accounts", dependencies: [
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // One Store over SQLite (default) or PostgreSQL; migrations.
        .target(name: "Storage", dependencies: [
            "Forms", "Frameworks", "Accounts",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Publishing rounds: disclosure control on every result, and the open-data files.
        .target(name: "Publishing", dependencies: [
            "Survey", "Frameworks", "Accounts", "Storage",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The demo organisation, projects, questionnaires, rounds and synthetic submissions.
        .target(name: "Demo", dependencies: ["Forms", "Frameworks", "Accounts", "Storage", "Kits", "Publishing"]),
        // The Hummingbird application: pages, JSON API, sessions, tokens, CSRF.
        .target(
            name: "Server",
            dependencies: [
                "Forms", "Survey", "Frameworks", "Accounts", "Storage", "Demo", "Kits", "Publishing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates"), .copy("Public")]
        ),
        .executableTarget(name: "counted", dependencies: [
            "Server", "Storage", "Accounts", "Demo", "Forms", "Survey", "Frameworks", "Kits", "Publishing",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),

        // Shared by the test targets: throw-away SQLite and PostgreSQL databases, the built binary.
        .target(name: "CountedTestSupport", dependencies: [
            "Storage", "Accounts", "Forms",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], path: "Tests/Support"),
        .testTarget(name: "FormsTests", dependencies: [
            "Forms", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Spreadsheet/Fixtures", "XForm/Expected"]),
        .testTarget(name: "SurveyTests", dependencies: ["Survey"]),
        .testTarget(name: "FrameworksTests", dependencies: ["Frameworks", "Forms", "Kits", "Survey"]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "Frameworks", "Survey", "Storage", "Kits", "Accounts", "Demo", "CountedTestSupport"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Forms", "Frameworks", "Accounts", "Demo", "Kits", "CountedTestSupport"]),
        .testTarget(name: "ServerTests", dependencies: [
            "Server", "Storage", "Accounts", "Forms", "Demo", "Kits", "Frameworks", "CountedTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "ProcessTests", dependencies: ["counted", "Storage", "Accounts", "Forms", "Demo", "Survey", "CountedTestSupport"]),
    ]
)
