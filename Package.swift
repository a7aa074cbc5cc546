// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Fieldbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fieldbook", targets: ["fieldbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        // The only door to ncurses. Nothing but `Terminal` imports it.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The C library's wcwidth, the width model ncursesw itself uses.
        .target(name: "CTextWidth"),
        // The C library's allocator settings, set once by the programs at their start.
        .target(name: "CAllocator"),
        // The domain: records, rules, the JSON store. Foundation and kept packages only
        // (swift-crypto hashes the audit trail and the PIN; CSV.swift reads and writes spreadsheets and reports).
        .target(name: "FieldbookCore", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
            // PBKDF2, the slow hash of the idle-blank PIN.
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "CSV", package: "CSV.swift"),
        ], resources: [
            // The career profile Fieldbook ships, built into the program (DefaultCareerProfile).
            .embedInCode("CareerProfile/career-profile.json"),
        ]),
        // The app without a terminal: state, key map, screens, forms.
        .target(name: "FieldbookUI", dependencies: ["FieldbookCore", "CTextWidth"]),
        // Draws FieldbookUI screens with ncurses and reads keys.
        .target(name: "Terminal", dependencies: ["CNcursesw", "FieldbookUI", "CTextWidth"]),
        .executableTarget(
            name: "fieldbook",
            dependencies: [
                "FieldbookCore", "FieldbookUI", "Terminal", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Writes sample-data/ from a fixed seed (see docs/data-format.md).
        .executableTarget(name: "GenerateSampleData", dependencies: ["FieldbookCore", "SyntheticData"]),
        // Data folders of made-up records at a caseload's or an agency's size, the same on every run.
        .target(name: "SyntheticData", dependencies: ["FieldbookCore"]),
        // The speed targets, measured: swift run -c release fieldbook-bench (docs/performance.md).
        .executableTarget(
            name: "fieldbook-bench",
            dependencies: [
                "fieldbook", "FieldbookCore", "FieldbookUI", "Terminal", "SyntheticData", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        // A child process the store's proofs save with and kill (Tests/StoreProofTests).
        .executableTarget(name: "StoreTorture", dependencies: ["FieldbookCore"]),
        .testTarget(name: "FieldbookCoreTests", dependencies: ["FieldbookCore", "SyntheticData", "CAllocator"]),
        // Crash, concurrency and fuzz proofs of the store, each printing its counts.
        .testTarget(
            name: "StoreProofTests",
            dependencies: [
                "FieldbookCore", "StoreTorture", "SyntheticData",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "FieldbookUITests", dependencies: ["FieldbookUI", "FieldbookCore", "SyntheticData"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "FieldbookUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["fieldbook", "GenerateSampleData", "FieldbookCore", "SyntheticData"]),
    ],
    swiftLanguageModes: [.v6]
)
