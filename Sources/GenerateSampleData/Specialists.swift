import FieldbookCore
import Foundation

/// The program's three specialists; Maria, the first, is the one the demo opens as.
let specialistNames = ["Maria Okafor", "Daniel Whitehorse", "Lena Fischer"]

@MainActor func makeSpecialists() -> [Specialist] {
    specialistNames.enumerated().map { index, name in
        Specialist(id: uuid(), name: name,
                   email: name.lowercased().replacingOccurrences(of: " ", with: ".") + "@riverside-cmh.example",
                   phone: "555-01\(30 + index)", createdAt: stamp(try! LocalDate(year: 2024, month: 3, day: 4 + index)))
    }
}
