import FieldbookCore
import Foundation

/// (name, preferred name): accents, CJK and a very long name among them.
let names: [(String, String?)] = [
    ("José Álvarez-Ruiz", "José"), ("Zoë Fernández", nil), ("Nguyễn Thị Hoa", "Hoa"), ("王小明", "Ming"),
    ("Søren Bjørnstad", nil), ("Anna-Maria Kowalska-Wiśniewska-Montgomery-Smythe", "Annie"),
    ("Mbali Dlamini", nil), ("Aoife Ní Bhriain", nil), ("Ólafur Jónsson", "Óli"), ("田中 ゆき", "Yuki"),
    ("Дмитрий Иванов", "Dima"), ("Chloé Dubois", nil), ("Ayşe Yılmaz", nil), ("Renée O'Connor", nil),
    ("François Lefèvre", nil), ("김민준", "Min-jun"), ("Jamal Washington", nil), ("Priya Raghunathan", nil),
    ("Kwame Asante", nil), ("Emily Carter", "Em"), ("Łukasz Nowak", nil), ("Fatima Zahra Benali", "Fatima"),
    ("Miguel Ángel Torres", "Miguel"), ("Hannah Schmidt", nil), ("Tariq Hussain", nil), ("Maria da Conceição Silva", "Conceição"),
    ("Deshawn Brooks", nil), ("Ingrid Lindqvist", nil), ("Carlos Mendoza", nil), ("Sarah Nakamura", nil),
    ("Olu Adeyemi", nil), ("Brianna Kelly", "Bri"), ("Ahmed El-Sayed", nil), ("Lucía Romero", nil),
    ("Kevin Tran", nil), ("Margarethe Köhler", "Grete"), ("Jasmine Patel", nil), ("Robert Whitfield", "Bob"),
    ("Ana Lúcia Pereira", nil), ("Tomás Ó Súilleabháin", nil), ("Keisha Robinson", nil), ("Vikram Singh", nil),
    ("Élodie Martin", nil), ("Rashid Karimi", nil), ("Grace Liu", nil),
]
// (specialist, status) for each client: Maria carries 21 active clients, over the limit of 20.
let plan: [(Int, ClientStatus)] = {
    var plan: [(Int, ClientStatus)] = []
    let mariaStatuses: [ClientStatus] = Array(repeating: .jobSearch, count: 7) + Array(repeating: .working, count: 5)
        + Array(repeating: .followAlong, count: 3) + Array(repeating: .engaging, count: 4) + [.education, .education, .inactive, .closed]
    let danielStatuses: [ClientStatus] = Array(repeating: .jobSearch, count: 4) + Array(repeating: .working, count: 3)
        + [.followAlong, .followAlong, .engaging, .engaging, .education, .referred, .inactive, .closed]
    let lenaStatuses: [ClientStatus] = [.jobSearch, .jobSearch, .jobSearch, .engaging, .working, .referred, .inactive]
    for status in mariaStatuses { plan.append((0, status)) }
    for status in danielStatuses { plan.append((1, status)) }
    for status in lenaStatuses { plan.append((2, status)) }
    return plan
}()

let jobTitles = ["Barista", "Stock associate", "Library page", "Line cook", "Dishwasher", "Cashier", "Groundskeeper",
                 "Office assistant", "Warehouse associate", "Pet care attendant", "Housekeeper", "Bakery assistant",
                 "Car wash attendant", "Receptionist", "Data entry clerk", "Custodian"]
let places = ["Bean There Café", "Riverside Public Library", "client's home", "clinic", "Greenleaf Grocery",
              "the job site", "Corner Books", "park bench by the river", "bus station café"]
let notes = ["Talked through interview nerves; practised answers.", "Reviewed pay stubs with benefits plan in mind.",
             "Went over the bus route to the job site.", "Discussed what kind of work feels right now.",
             "Checked in after the first week; going well.", "Updated resume together.",
             "Planned which employers to approach next.", "Client wants more hours; will ask manager."]
let referralSources = ["Treatment team", "Self-referral", "Family member", "Housing programme", "Peer specialist"]
let teams = ["ACT Team North", "ACT Team South", "Outpatient Team A", "First Episode Team"]
let clinicians = ["Dr. Helen Park", "Marcus Lee, LCSW", "Ana Gómez, LPC", "Dr. Samuel Osei"]
let counsellors = ["Jordan Blake (VR)", "Priya Shah (VR)", nil]

/// Every client with jobs and contacts over the last three months, from their entry on.
@MainActor func makeClients(specialists: [Specialist], employers: [Employer]) -> [Client] {
    precondition(plan.count == names.count, "one plan entry per name")
    var clients: [Client] = []
    for (index, (name, preferred)) in names.enumerated() {
        let (specialistIndex, status) = plan[index]
        let entry = anchor.adding(days: -int(status == .referred ? 3...12 : (status == .engaging ? 10...40 : 45...620)))
        var client = Client(
            id: uuid(), name: name, preferredName: preferred,
            phone: "555-1\(String(format: "%03d", index * 7 % 1000))",
            email: chance(0.6) ? "client\(index + 1)@mail.example" : nil,
            address: chance(0.5) ? "\(int(1...400)) \(pick(["Oak", "River", "Hill", "Lake", "Cedar"])) St, Riverside" : nil,
            programEntryDate: entry, referralSource: pick(referralSources),
            referralDate: entry.adding(days: -int(2...20)), specialistID: specialists[specialistIndex].id,
            status: status, mentalHealthTeam: pick(teams), clinician: pick(clinicians),
            vocationalRehabCounsellor: pick(counsellors),
            benefits: [[], [.ssi, .medicaid], [.ssdi, .medicare], [.snap], [.ssi, .medicaid, .housing], [.va]][index % 6],
            benefitsPlanningDone: chance(0.6),
            disclosure: [
                Disclosure(preference: .doNotDisclose),
                Disclosure(preference: .disclose, whatMayBeSaid: "Works with a support programme; may mention anxiety."),
                Disclosure(preference: .limited, whatMayBeSaid: "May say I get help finding work, nothing about health."),
                Disclosure(preference: .undecided),
            ][index % 4],
            notes: chance(0.4) ? "Prefers morning meetings. Likes working with animals and being outdoors." : nil,
            createdAt: stamp(entry))

        // Jobs: current for working and follow-along, ended for some others, two starting next week.
        if status == .working || status == .followAlong {
            let employer = pick(employers)
            let start = status == .followAlong ? anchor.adding(days: -int(150...400)) : anchor.adding(days: -int(5...120))
            client.jobs.append(Job(id: uuid(), employerID: employer.id, employerName: employer.name, title: pick(jobTitles),
                                   startDate: max(start, entry.adding(days: 14)), hoursPerWeek: Double(pick([12, 15, 20, 24, 30, 32])),
                                   hourlyWage: Decimal(string: pick(["15.50", "16.00", "17.25", "18.75", "21.00"])), isCompetitive: true))
        }
        if [.jobSearch, .inactive, .closed, .followAlong].contains(status), chance(0.5), entry < anchor.adding(days: -90) {
            let employer = pick(employers)
            let start = entry.adding(days: int(20...40))
            client.jobs.insert(Job(id: uuid(), employerID: employer.id, employerName: employer.name, title: pick(jobTitles),
                                    startDate: start, endDate: min(start.adding(days: int(20...60)), anchor.adding(days: -10)),
                                    hoursPerWeek: 20, hourlyWage: Decimal(string: "15.00"), isCompetitive: true,
                                    endReason: pick(JobEndReason.allCases), endNote: "Talked it over; wants something with fewer evenings."), at: 0)
        }
        if status == .jobSearch && (index == 3 || index == 25) {
            let employer = employers[index % employers.count]
            client.jobs.append(Job(id: uuid(), employerID: employer.id, employerName: employer.name, title: pick(jobTitles),
                                   startDate: anchor.adding(days: 7 + index % 2), hoursPerWeek: 20,
                                   hourlyWage: Decimal(string: "16.50"), isCompetitive: true))
        }

        // Contacts with the client over the last three months.
        if status != .referred {
            let count = status == .closed ? 2 : (status == .inactive ? 3 : int(4...10))
            var day = max(entry, anchor.adding(days: -90))
            for n in 0..<count {
                day = min(anchor, day.adding(days: int(3...14)))
                if status == .closed && day > anchor.adding(days: -40) { break }
                let kind: ClientContactKind = status == .inactive && n > 0 ? .outreachAttempt
                    : pick([.faceToFace, .faceToFace, .faceToFace, .phone, .text, .video])
                client.contacts.append(ClientContact(
                    id: uuid(), date: day, kind: kind,
                    place: kind == .faceToFace ? pick(places) : nil,
                    note: kind == .outreachAttempt ? "Left a voicemail; no answer yet." : pick(notes),
                    specialistID: specialists[specialistIndex].id, createdAt: stamp(day, hour: 9 + n % 8)))
            }
        }
        client.updatedAt = client.contacts.last.map { $0.createdAt } ?? client.createdAt
        clients.append(client)
    }
    // The newest activity is on the anchor day.
    clients[0].contacts.append(ClientContact(id: uuid(), date: anchor, kind: .faceToFace, place: "Bean There Café",
                                             note: "Practised the interview for Friday.", specialistID: specialists[0].id,
                                             createdAt: stamp(anchor, hour: 15)))
    return clients
}
