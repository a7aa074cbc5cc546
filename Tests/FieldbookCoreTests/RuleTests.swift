import FieldbookCore
import Foundation
import Testing

@Suite struct RuleTests {
    @Test func activeCaseloadCountsOnlyActiveStatusesOfThatSpecialist() {
        let me = UUID(), other = UUID()
        var clients: [Client] = []
        for status in ClientStatus.allCases {
            var client = Sample.client(specialist: me)
            client.status = status
            clients.append(client)
        }
        clients.append(Sample.client(specialist: other))
        #expect(Caseload.activeCount(of: me, in: clients) == 5)
        #expect(Caseload.activeCount(of: other, in: clients) == 1)
    }

    @Test func weeklyTargetIsSixOrTwoPerJobSeekerForSmallCaseloads() {
        let me = Sample.specialist.id
        let settings = Settings()
        var seekers = (0..<2).map { _ in Sample.client(specialist: me) }
        #expect(EmployerContactTarget.weeklyTarget(for: me, clients: seekers, settings: settings) == 4)
        seekers.append(Sample.client(specialist: me))
        #expect(EmployerContactTarget.weeklyTarget(for: me, clients: seekers, settings: settings) == 6)
    }

    @Test func onlyFaceToFaceContactsInTheWeekCount() {
        let contacts = [
            Sample.employerContact(on: "2026-11-16"),                   // Monday
            Sample.employerContact(on: "2026-11-22"),                   // Sunday
            Sample.employerContact(on: "2026-11-18", method: .phone),
            Sample.employerContact(on: "2026-11-15"),                   // the week before
        ]
        let count = EmployerContactTarget.faceToFaceCount(for: Sample.specialist.id, weekOf: date("2026-11-19"), in: contacts)
        #expect(count == 2)
    }

    @Test func lastContactIgnoresOutreachAttempts() {
        var client = Sample.client()
        client.contacts.append(ClientContact(date: date("2026-11-21"), kind: .outreachAttempt))
        #expect(client.lastContact?.date == date("2026-11-20"))
    }

    @Test func lastContactIsTheFirstOfTheNewestWhateverTheOrderLogged() {
        var client = Sample.client()
        client.contacts = [
            ClientContact(date: date("2026-11-02"), kind: .phone, place: "older"),
            ClientContact(date: date("2026-11-09"), kind: .faceToFace, place: "first of the newest"),
            ClientContact(date: date("2026-11-01"), kind: .faceToFace, place: "oldest"),
            ClientContact(date: date("2026-11-09"), kind: .phone, place: "second of the newest"),
            ClientContact(date: date("2026-11-12"), kind: .outreachAttempt, place: "did not reach"),
        ]
        #expect(client.lastContact?.place == "first of the newest")
        client.contacts.removeAll { $0.kind != .outreachAttempt }
        #expect(client.lastContact == nil)
    }

    @Test func nameSearchIgnoresCaseAndAccents() {
        #expect(NameSearch.matches("jose", in: ["José Álvarez-Ruiz"]))
        #expect(NameSearch.matches("ALVAREZ jo", in: ["José Álvarez-Ruiz"]))
        #expect(NameSearch.matches("muller", in: ["Café Müller"]))
        #expect(NameSearch.matches("小明", in: ["王小明"]))
        #expect(NameSearch.matches("lukasz", in: ["Łukasz Nowak"]))
        #expect(NameSearch.matches("soren bjornstad", in: ["Søren Bjørnstad"]))
        #expect(!NameSearch.matches("josh", in: ["José Álvarez-Ruiz"]))
        #expect(NameSearch.matches("", in: ["anyone"]))
    }
}
