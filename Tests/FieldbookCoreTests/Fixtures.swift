import FieldbookCore
import Foundation
import Testing

/// A temporary folder removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-test-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}

func date(_ text: String) -> LocalDate { (try? LocalDate(parsing: text))! }

/// Whole seconds, so timestamps survive the round trip through ISO 8601 text.
func instant(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

enum Sample {
    static let specialist = Specialist(name: "Maria Okafor", email: "maria@example.org", createdAt: instant(1_700_000_000))
    static let employer = Employer(
        name: "Bean There Café", businessType: "Coffee shop", address: "14 Mill St",
        people: [EmployerPerson(name: "Sam Patel", title: "Owner", hires: true)], createdAt: instant(1_700_000_100))

    static func client(name: String = "José Álvarez-Ruiz", specialist: UUID? = Sample.specialist.id) -> Client {
        Client(
            name: name, preferredName: "José", phone: "555-1000", programEntryDate: date("2026-06-07"),
            referralSource: "Treatment team", referralDate: date("2026-05-20"), specialistID: specialist,
            status: .jobSearch, benefits: [.ssi, .medicaid], benefitsPlanningDone: true,
            disclosure: Disclosure(preference: .limited, whatMayBeSaid: "Gets help finding work"),
            jobs: [Job(employerID: employer.id, employerName: employer.name, title: "Barista", startDate: date("2026-09-01"),
                       endDate: date("2026-10-15"), hoursPerWeek: 20, hourlyWage: Decimal(string: "15.50"),
                       endReason: .resigned)],
            contacts: [ClientContact(date: date("2026-11-20"), kind: .faceToFace, place: "Library", note: "Practised interviews",
                                     specialistID: Sample.specialist.id, createdAt: instant(1_763_600_000))],
            createdAt: instant(1_749_000_000))
    }

    static func employerContact(on day: String, method: EmployerContactMethod = .faceToFace, seekers: [UUID] = []) -> EmployerContact {
        EmployerContact(date: date(day), specialistID: specialist.id, employerID: employer.id, contactPerson: "Sam Patel",
                        purpose: .learnNeeds, method: method, jobSeekerIDs: seekers, hiringNeeds: "Weekend shifts",
                        nextStep: "Drop off resume", nextStepDate: date(day).adding(days: 7), createdAt: instant(1_763_000_000))
    }
}
