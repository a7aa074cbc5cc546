// Writes the demo program in sample-data/ from a fixed seed, so the folder can be rebuilt
// byte for byte:  rm -rf sample-data && swift run GenerateSampleData sample-data
import FieldbookCore
import Foundation

/// SplitMix64: small, fast and the same on every machine.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

var random = SeededRandom(state: 20_261_120)
@MainActor func uuid() -> UUID {
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                       bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
}
@MainActor func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
@MainActor func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
@MainActor func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

/// The newest activity in the sample; `--demo` moves it to yesterday.
let anchor = try! LocalDate(year: 2026, month: 11, day: 20)
func stamp(_ date: LocalDate, hour: Int = 10) -> Date {
    Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400 + Double(hour) * 3600)
}

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: GenerateSampleData FOLDER (an empty or new folder)\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: CommandLine.arguments[1])
if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
    FileHandle.standardError.write(Data("\(folder.path) is not empty; remove it first\n".utf8))
    exit(1)
}
let store = try Store(folder: folder)

// MARK: Program and specialists
try store.save(Settings(programName: "Riverside Community Mental Health: IPS Team"))
let specialistNames = ["Maria Okafor", "Daniel Whitehorse", "Lena Fischer"]
let specialists = specialistNames.enumerated().map { index, name in
    Specialist(id: uuid(), name: name,
               email: name.lowercased().replacingOccurrences(of: " ", with: ".") + "@riverside-cmh.example",
               phone: "555-01\(30 + index)", createdAt: stamp(try! LocalDate(year: 2024, month: 3, day: 4 + index)))
}
for specialist in specialists { try store.saveKeepingTimestamp(specialist) }

// MARK: Employers
let employerSeeds: [(String, String, String)] = [
    ("Bean There Café", "Coffee shop", "14 Mill St"), ("Greenleaf Grocery", "Grocery store", "220 Oak Ave"),
    ("Riverside Public Library", "Library", "1 Library Sq"), ("Hartmann Hardware", "Hardware store", "87 Elm St"),
    ("Sunrise Bakery", "Bakery", "5 Baker Ln"), ("City Parks Department", "Local government", "300 Civic Center"),
    ("Northside Auto Care", "Auto repair", "1020 Route 9"), ("Paws & Claws Pet Supply", "Pet store", "42 Market St"),
    ("Harbor View Hotel", "Hotel", "9 Harbor Rd"), ("Lotus Garden Restaurant", "Restaurant", "77 Pine St"),
    ("Quick Print Shop", "Printing", "18 Commerce Way"), ("Maple Ridge Care Home", "Elder care", "400 Maple Dr"),
    ("Fresh Start Laundromat", "Laundry", "63 2nd St"), ("Evergreen Landscaping", "Landscaping", "12 Industrial Pk"),
    ("Bright Smile Dental", "Dental office", "501 Health Plaza"), ("Corner Books", "Bookshop", "3 Corner Pl"),
    ("Metro Transit Authority", "Public transit", "1 Depot St"), ("Valley Food Bank", "Non-profit", "88 Mission St"),
    ("Summit Fitness", "Gym", "150 Summit Ave"), ("Golden Dragon Kitchen", "Restaurant", "29 Canal St"),
    ("Reliable Movers", "Moving company", "700 Freight Rd"), ("St. Agnes Hospital", "Hospital", "1000 Mercy Blvd"),
    ("Clean Sweep Janitorial", "Cleaning services", "45 Service Rd"), ("TechFix Repairs", "Electronics repair", "66 Circuit St"),
    ("Riverside Community College", "College", "2 Campus Dr"), ("Hometown Pharmacy", "Pharmacy", "19 Main St"),
    ("Big Box Warehouse", "Warehouse", "5000 Logistics Pkwy"), ("Little Sprouts Daycare", "Child care", "31 Nursery Ln"),
    ("Pizza Piazza", "Restaurant", "90 Main St"), ("Green Thumb Nursery", "Garden centre", "14 Greenhouse Rd"),
    ("Shiny Wheels Car Wash", "Car wash", "8 Route 9"), ("Office Depot Plus", "Office supplies", "250 Retail Row"),
    ("Café Müller", "Café", "21 Linden St"), ("Seaside Seafood Market", "Fish market", "3 Wharf St"),
    ("Ace Security Services", "Security", "12 Guard Ave"), ("Riverside Zoo", "Zoo", "1 Zoo Rd"),
    ("Stitch & Sew Tailors", "Tailor", "7 Thread St"), ("Good Neighbor Thrift", "Thrift store", "56 Second Ave"),
    ("Blue Ocean Call Center", "Call centre", "800 Telecom Dr"), ("Hillside Golf Club", "Golf club", "1 Fairway Dr"),
]
let contactPeople = ["Sam Patel", "Rosa Jiménez", "Tom Becker", "Aiko Tanaka", "Grace Mensah", "Liam O'Brien",
                     "Fatima Haddad", "Olga Petrova", "Marcus Reed", "Chen Wei", "Isabel Costa", "Noah Goldberg"]
let titles = ["Store manager", "Owner", "HR coordinator", "Shift supervisor", "Hiring manager", "Operations manager"]
let employers = employerSeeds.enumerated().map { index, seed in
    Employer(id: uuid(), name: seed.0, businessType: seed.1, address: "\(seed.2), Riverside",
             phone: "555-02\(String(format: "%02d", index))",
             people: [EmployerPerson(id: uuid(), name: pick(contactPeople), title: pick(titles), hires: true)],
             notes: chance(0.3) ? "Prefers visits mid-morning, after the rush." : nil,
             createdAt: stamp(anchor.adding(days: -int(120...700))))
}
for employer in employers { try store.saveKeepingTimestamp(employer) }

// MARK: Clients
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
var plan: [(Int, ClientStatus)] = []
let mariaStatuses: [ClientStatus] = Array(repeating: .jobSearch, count: 7) + Array(repeating: .working, count: 5)
    + Array(repeating: .followAlong, count: 3) + Array(repeating: .engaging, count: 4) + [.education, .education, .inactive, .closed]
let danielStatuses: [ClientStatus] = Array(repeating: .jobSearch, count: 4) + Array(repeating: .working, count: 3)
    + [.followAlong, .followAlong, .engaging, .engaging, .education, .referred, .inactive, .closed]
let lenaStatuses: [ClientStatus] = [.jobSearch, .jobSearch, .jobSearch, .engaging, .working, .referred, .inactive]
for status in mariaStatuses { plan.append((0, status)) }
for status in danielStatuses { plan.append((1, status)) }
for status in lenaStatuses { plan.append((2, status)) }
precondition(plan.count == names.count, "one plan entry per name")

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

// MARK: Follow-along: the demo opens the day after the anchor (Maria's morning); every rule has
// live examples among her clients, and everyone else's schedule follows from their records.
let morning = anchor.adding(days: 1)
let maria = specialists[0].id
@MainActor func faceToFace(_ day: LocalDate, _ note: String, place: String = "the job site") -> ClientContact {
    ClientContact(id: uuid(), date: day, kind: .faceToFace, place: place, note: note, specialistID: maria, createdAt: stamp(day, hour: 14))
}
/// Keeps the client's contacts dated before `day` and adds `added`.
@MainActor func contacts(of index: Int, before day: LocalDate, then added: [ClientContact]) {
    clients[index].contacts.removeAll { $0.date >= day }
    clients[index].contacts += added
}
func change(_ day: LocalDate, _ from: ClientStatus, _ to: ClientStatus) -> StatusChange { StatusChange(date: day, from: from, to: to) }
/// Makes the client's current job start on `start` (and their entry come before it).
@MainActor func currentJob(of index: Int, startingOn start: LocalDate) {
    guard let last = clients[index].jobs.indices.last else { return }
    clients[index].jobs[last].startDate = start
    if clients[index].programEntryDate > start.adding(days: -14) { clients[index].programEntryDate = start.adding(days: -30) }
}
// 1: a job that ended two days ago (after-job-loss).
do {
    let employer = employers[15], start = max(clients[1].programEntryDate.adding(days: 20), morning.adding(days: -60))
    clients[1].jobs.append(Job(id: uuid(), employerID: employer.id, employerName: employer.name, title: "Bookshop assistant",
                               startDate: start, endDate: morning.adding(days: -2), hoursPerWeek: 16, hourlyWage: Decimal(string: "16.00"),
                               isCompetitive: true, endReason: .resigned, endNote: "Said the evening shifts were too much."))
    contacts(of: 1, before: morning.adding(days: -2), then: [])
    clients[1].statusHistory = [change(start, .jobSearch, .working), change(morning.adding(days: -2), .working, .jobSearch)]
}
// 3 starts a job next week, with no contact yet (before-start); 7 started two days ago (after-start).
clients[3].notes = "Starts next week; wants to go over the bus route before the first day."
currentJob(of: 7, startingOn: morning.adding(days: -2))
contacts(of: 7, before: morning.adding(days: -2), then: [])
clients[7].statusHistory = [change(morning.adding(days: -2), .jobSearch, .working)]
// 8 and 9 are in their first month (weekly): 8 is three days late, 9 is due today.
currentJob(of: 8, startingOn: morning.adding(days: -20))
contacts(of: 8, before: morning.adding(days: -20), then: [
    faceToFace(morning.adding(days: -19), "First day went fine; manager is patient."),
    faceToFace(morning.adding(days: -10), "Second week: tired but pleased. Talked about breaks."),
])
currentJob(of: 9, startingOn: morning.adding(days: -12))
contacts(of: 9, before: morning.adding(days: -12), then: [
    faceToFace(morning.adding(days: -11), "Met after the first shift."),
    faceToFace(morning.adding(days: -7), "Checked in; wants help asking about the schedule."),
])
for index in [8, 9] { clients[index].statusHistory = [change(clients[index].jobs.last!.startDate, .jobSearch, .working)] }
// 10 and 11 have worked for months (monthly).
for (index, (started, seen)) in [(10, (150, 20)), (11, (200, 27))] {
    currentJob(of: index, startingOn: morning.adding(days: -started))
    contacts(of: index, before: morning.adding(days: -(started - 1)), then: [
        faceToFace(morning.adding(days: -(started - 1)), "First day; met at the break."),
        faceToFace(morning.adding(days: -(started - 6)), "First week done."),
        faceToFace(morning.adding(days: -(seen + 31)), "Monthly check-in; asked about more hours.", place: "Bean There Café"),
        faceToFace(morning.adding(days: -seen), "Monthly check-in; all steady.", place: "Bean There Café"),
    ])
    clients[index].statusHistory = [change(morning.adding(days: -started), .jobSearch, .working)]
}
// 12: in follow-along, last seen 41 days ago (monthly, overdue); 13 declined follow-along;
// 14 asked for a contact every two weeks.
for index in 12...14 {
    let start = morning.adding(days: -(260 + index * 10))
    currentJob(of: index, startingOn: start)
    clients[index].statusHistory = [change(start, .jobSearch, .working), change(start.adding(days: 120), .working, .followAlong)]
}
contacts(of: 12, before: morning.adding(days: -90), then: [
    faceToFace(morning.adding(days: -72), "Monthly check-in; new supervisor, getting on fine."),
    faceToFace(morning.adding(days: -41), "Monthly check-in; talked about a raise.", place: "bus station café"),
])
clients[13].declinedFollowAlong = true
clients[13].notes = "Declined follow-along support in October: happy at work, will call if needed."
clients[14].followAlongIntervalDays = 14
contacts(of: 14, before: morning.adding(days: -40), then: [
    faceToFace(morning.adding(days: -24), "Fortnightly check-in."),
    faceToFace(morning.adding(days: -10), "Fortnightly check-in; asked to keep meeting every two weeks."),
])
// 15-17 entered the program this month: 15 and 17 have had no employer contact yet (17 is late), 16 has.
for (index, days) in [(15, 25), (16, 18), (17, 33)] {
    let entry = morning.adding(days: -days)
    clients[index].programEntryDate = entry
    clients[index].referralDate = entry.adding(days: -6)
    clients[index].createdAt = stamp(entry)
    clients[index].contacts.removeAll { $0.date < entry }
    clients[index].statusHistory = [change(entry.adding(days: 7), .engaging, .jobSearch)]
    clients[index].status = .jobSearch
}
// A status history for everyone else who has moved along the path.
for index in clients.indices where clients[index].statusHistory.isEmpty {
    let client = clients[index]
    switch client.status {
    case .working:
        if let job = client.jobs.last { clients[index].statusHistory = [change(job.startDate, .jobSearch, .working)] }
    case .followAlong:
        if let job = client.jobs.last {
            clients[index].statusHistory = [change(job.startDate, .jobSearch, .working), change(job.startDate.adding(days: 120), .working, .followAlong)]
        }
    case .closed:
        let last = client.contacts.map(\.date).max() ?? client.programEntryDate
        clients[index].statusHistory = [change(last.adding(days: 21), .inactive, .closed)]
    case .inactive:
        let last = client.contacts.filter(\.kind.reachedThePerson).map(\.date).max() ?? client.programEntryDate
        clients[index].statusHistory = [change(last.adding(days: 14), .jobSearch, .inactive)]
    case .jobSearch where client.programEntryDate < morning.adding(days: -30):
        clients[index].statusHistory = [change(client.programEntryDate.adding(days: 10), .engaging, .jobSearch)]
    default:
        break
    }
}
for index in clients.indices {
    clients[index].updatedAt = max(clients[index].createdAt, clients[index].contacts.map(\.createdAt).max() ?? clients[index].createdAt)
}

// MARK: Employer contacts: about 300 over the last three months.
var employerContacts: [EmployerContact] = []
let learned = ["Hiring for weekend shifts in spring.", "Prefers candidates who can lift 25 lb.",
               "Busy season starts next month; will need two more people.", "Values reliability over experience.",
               "Owner does all hiring; best to visit Tuesday mornings.", "Open to part-time, 15-20 hours."]
let outcomes = ["Manager interested; asked for a resume.", "Left a card; will follow up.", "Arranged an informational interview.",
                "No openings now; invited to check back.", "Job seeker invited to interview."]
for (specialistIndex, specialist) in specialists.enumerated() {
    let seekers = clients.filter { $0.specialistID == specialist.id && [.jobSearch, .engaging].contains($0.status) }
    let perWeek = [9, 8, 7][specialistIndex]
    for week in 0..<13 {
        let monday = anchor.startOfWeek.adding(days: -7 * week)
        for n in 0..<perWeek {
            let day = monday.adding(days: n % 5)
            guard day <= anchor else { continue }
            let purpose = pick([EmployerContactPurpose.introduceIPS, .learnNeeds, .presentJobSeeker, .followUp])
            let onBehalf = purpose == .presentJobSeeker || (purpose == .followUp && chance(0.5))
            let forSeekers = onBehalf && !seekers.isEmpty ? [pick(seekers).id] : []
            let method: EmployerContactMethod = chance(0.8) ? .faceToFace : pick([.phone, .email, .video])
            let employer = pick(employers)
            employerContacts.append(EmployerContact(
                id: uuid(), date: day, specialistID: specialist.id, employerID: employer.id,
                contactPersonID: employer.people.first?.id, contactPerson: employer.people.first?.name,
                contactTitle: employer.people.first?.title,
                purpose: purpose, method: method, jobSeekerPresent: !forSeekers.isEmpty && chance(0.3),
                jobSeekerIDs: forSeekers, hiringNeeds: pick(learned), outcome: pick(outcomes),
                nextStep: chance(0.7) ? pick(["Drop off resume", "Call back about openings", "Bring job seeker to meet manager", "Visit again"]) : nil,
                nextStepDate: chance(0.7) ? day.adding(days: int(3...21)) : nil,
                createdAt: stamp(day, hour: 11 + n % 5)))
        }
    }
}
// New clients 15 and 17 have had no employer contact on their behalf yet; 16 has.
for index in employerContacts.indices {
    employerContacts[index].jobSeekerIDs.removeAll { $0 == clients[15].id || $0 == clients[17].id || $0 == clients[16].id }
}
// Everyone else past their first month has had a face-to-face employer contact on their
// behalf since entry (rapid job search), so the agenda shows the real gaps only.
var introduced = Set(employerContacts.filter(\.isFaceToFace).flatMap(\.jobSeekerIDs))
for (index, client) in clients.enumerated() where !introduced.contains(client.id) && index != 15 && index != 17 {
    guard client.status != .referred, client.programEntryDate <= morning.adding(days: -14) || index == 16 else { continue }
    let day = min(anchor, client.programEntryDate.adding(days: index == 16 ? 9 : int(8...26)))
    let employer = employers[(index * 7) % employers.count]
    guard let specialist = client.specialistID else { continue }
    employerContacts.append(EmployerContact(
        id: uuid(), date: day, specialistID: specialist, employerID: employer.id,
        contactPersonID: employer.people.first?.id, contactPerson: employer.people.first?.name,
        contactTitle: employer.people.first?.title, purpose: .presentJobSeeker, method: .faceToFace,
        jobSeekerPresent: false, jobSeekerIDs: [client.id], hiringNeeds: pick(learned), outcome: pick(outcomes),
        createdAt: stamp(day, hour: 12)))
    introduced.insert(client.id)
}
for client in clients { try store.saveKeepingTimestamp(client) }
try store.saveKeepingTimestamps(employerContacts)
print("Wrote \(specialists.count) specialists, \(clients.count) clients, \(employers.count) employers, \(employerContacts.count) employer contacts to \(folder.path)")

// MARK: Career profiles: not started, started, half done over two meetings, complete and revised.
struct Persona {
    var jobGoal: String
    var idealJob: String
    var workTypes: [String]
    var otherTypes: String?
    var hours: String
    var place: String
    var disclosure: String
    var disclosureDetail: String
    var why: String
}
let personas: [Persona] = [
    Persona(jobGoal: "Cook in a small restaurant", idealJob: "Running my own food truck one day.", workTypes: ["food"], otherTypes: "Bakery",
            hours: "20-30", place: "Downtown, near the 12 bus", disclosure: "limited",
            disclosureDetail: "May say I get help finding work; nothing about my health.", why: "I want my own money and a reason to get up in the morning."),
    Persona(jobGoal: "Stock associate at a grocery store", idealJob: "Store manager.", workTypes: ["retail", "warehouse"], otherTypes: nil,
            hours: "10-20", place: "Within walking distance of home", disclosure: "disclose",
            disclosureDetail: "May say I work with a support programme and sometimes need a quiet break.", why: "I miss being busy and seeing people."),
    Persona(jobGoal: "Library page (図書館の仕事)", idealJob: "Librarian in a children's library.", workTypes: ["education", "office"], otherTypes: "Library",
            hours: "10-20", place: "Riverside, mornings only", disclosure: "undecided",
            disclosureDetail: "Wants to decide after meeting the employer.", why: "Quiet work with books would suit me; I like order."),
    Persona(jobGoal: "Groundskeeper or landscaping crew", idealJob: "Gardener at the zoo.", workTypes: ["outdoors"], otherTypes: "Garden centre",
            hours: "30-40", place: "Anywhere on the 9 route", disclosure: "do-not-disclose",
            disclosureDetail: "Nothing may be said about health or the programme.", why: "Working outside keeps my head clear."),
    Persona(jobGoal: "Pet care attendant", idealJob: "Veterinary assistant.", workTypes: ["care", "retail"], otherTypes: "Pet store",
            hours: "20-30", place: "Market Street area", disclosure: "limited",
            disclosureDetail: "May say I get support from an employment specialist.", why: "Animals calm me down, and I want to save for a flat."),
]
let phrases: [String: [String]] = [
    "work-goals": ["Wants steady work close to home.", "Would like to start small and build up hours.", "Keen to feel useful again."],
    "education": ["Finished high school in 2009.", "Took a food handler course at the college.", "Would like to learn basic computer skills."],
    "work-history": ["Liked the people; the early shifts were hard.", "Left when the shop closed.", "Best job was at a bakery: clear tasks, kind boss."],
    "job-preferences": ["Daytime shifts, not too loud.", "A team that explains things once, calmly.", "Prefers tasks with a clear end."],
    "strengths": ["Reliable, good with customers, learns by doing.", "Patient; good at sorting and tidying.", "Friends say I am funny and honest."],
    "current-adjustment": ["Mornings are slow; afternoons are the best time.", "Sleep is better since the summer.", "Walks every day; it helps."],
    "physical-health": ["No limits that affect work.", "Knee hurts after long standing; needs a short sit every two hours."],
    "substance-use": ["Not drinking since March; goes to a group on Thursdays.", "Uses nothing now; coffee is the only habit."],
    "legal-history": ["Nothing that would show on a check.", "An old fine, paid in 2019."],
    "benefits": ["Wants to know how earnings change SSI.", "Benefits planner meeting booked with the team."],
    "transportation": ["Takes the 12 bus; has a monthly pass.", "Bikes in summer; bus in winter."],
    "disclosure": ["Would rather tell a manager in person, later.", "Happy for the specialist to talk to the manager."],
    "support-network": ["Sister helps with mornings; peer group on Tuesdays.", "Mother and a close friend, Søren, are supportive."],
    "team-plan": ["Team agrees: start with part-time work near home.", "Clinician suggests afternoon shifts to begin with."],
]
let profileStore = CareerProfileStore(store: store)
let definition = profileStore.definition().definition

/// An answer for `question` as `persona` would give it.
@MainActor func answer(_ question: Question, section: QuestionnaireSection, persona: Persona) -> AnswerValue? {
    switch question.summary {
    case .jobGoal?: return .text(persona.jobGoal)
    case .preferredWorkTypes?: return .choices(persona.workTypes)
    case .otherWorkTypes?: return persona.otherTypes.map { .text($0) }
    case .preferredHours?: return .choice(persona.hours)
    case .preferredPlaces?: return .text(persona.place)
    case .disclosure?: return .choice(persona.disclosure)
    case .disclosureDetail?: return .text(persona.disclosureDetail)
    case nil: break
    }
    if question.id == "ideal-job" { return .text(persona.idealJob) }
    if question.id == "why-work-now" { return .text(persona.why) }
    switch question.type {
    case .shortText, .longText: return .text(pick(phrases[section.id] ?? ["Talked it through; nothing to add."]))
    case .singleChoice: return .choice(pick(question.options).id)
    case .multipleChoice:
        let count = min(question.options.count, int(1...2))
        var chosen: [String] = []
        while chosen.count < count {
            let id = pick(question.options).id
            if !chosen.contains(id) { chosen.append(id) }
        }
        return .choices(question.options.map(\.id).filter(chosen.contains))
    case .yesNo: return .yesNo(chance(0.4))
    case .scale: return .scale(int(2...5))
    case .number:
        switch question.id {
        case "pay-needed": return .number(Decimal(int(15...17)))
        case "pay-hoped": return .number(Decimal(int(18...22)))
        default: return .number(Decimal(int(600...1200)))
        }
    case .date:
        let past = question.prompt.contains(" did ") || question.prompt.contains(" was ")
        return .date(past ? anchor.adding(days: -int(60...2000)) : anchor.adding(days: int(7...60)))
    case .group, .repeating:
        let jobs = [("Sunrise Bakery", "Bakery assistant"), ("Greenleaf Grocery", "Cashier"), ("Harbor View Hotel", "Housekeeper")]
        return .entries((0..<int(1...2)).map { n in
            let job = jobs[(n + int(0...2)) % jobs.count]
            let start = anchor.adding(days: -int(900...2400))
            var answers: [String: AnswerValue] = [:]
            for sub in question.questions {
                switch sub.id {
                case "employer": answers[sub.id] = .text(job.0)
                case "title": answers[sub.id] = .text(job.1)
                case "start": answers[sub.id] = .date(start)
                case "end": answers[sub.id] = .date(start.adding(days: int(90...500)))
                case "hours": answers[sub.id] = .number(Decimal(pick([15, 20, 25, 30])))
                case "pay": answers[sub.id] = .number(Decimal(string: pick(["12.50", "13.75", "15.00"]))!)
                default:
                    if sub.showIf == nil, let value = answer(sub, section: section, persona: persona), !(sub.type.hasSubQuestions) {
                        answers[sub.id] = value
                    }
                }
            }
            return GroupEntry(id: uuid(), answers: answers)
        })
    }
}

/// One meeting: answers the shown questions of `sections` (all of them, or the first `limit`), from `hour` on.
@MainActor func meeting(_ client: Client, persona: Persona, on day: LocalDate, sections: ArraySlice<QuestionnaireSection>,
                        limit: Int = .max, by specialist: UUID?, given answers: inout [String: AnswerEntry]) throws {
    var session = profileStore.startSession(for: client.id, definition: definition, at: stamp(day, hour: 10), id: uuid())
    var minute = 0.0
    var count = 0
    for section in sections {
        for question in section.questions where count < limit {
            guard definition.isShown(question, given: ProfileAnswers(answers)),
                  let value = answer(question, section: section, persona: persona) else { continue }
            minute += Double(int(1...3))
            let entry = try profileStore.append(value, to: question.id, in: definition, by: specialist,
                                                source: section.id == "team-plan" ? .team : .client,
                                                at: stamp(day, hour: 10).addingTimeInterval(minute * 60), session: &session)
            answers[question.id] = entry
            count += 1
        }
    }
}

var profileCount = (notStarted: 0, started: 0, halfDone: 0, complete: 0)
let allSections = ArraySlice(definition.sections)
for (index, client) in clients.enumerated() where [.jobSearch, .working, .followAlong, .engaging].contains(client.status) {
    let persona = personas[index % personas.count]
    let specialist = client.specialistID
    var answers: [String: AnswerEntry] = [:]
    switch index % 5 {
    case 0, 3:
        // Half done over two meetings: goals and schooling, then work history and preferences.
        try meeting(client, persona: persona, on: anchor.adding(days: -16), sections: allSections.prefix(2), by: specialist, given: &answers)
        try meeting(client, persona: persona, on: anchor.adding(days: -9), sections: allSections.dropFirst(2).prefix(2),
                    limit: 20, by: specialist, given: &answers)
        profileCount.halfDone += 1
    case 1:
        // Complete over three meetings, then revised when the goal changed.
        try meeting(client, persona: persona, on: anchor.adding(days: -75), sections: allSections.prefix(5), by: specialist, given: &answers)
        try meeting(client, persona: persona, on: anchor.adding(days: -68), sections: allSections.dropFirst(5).prefix(5), by: specialist, given: &answers)
        try meeting(client, persona: persona, on: anchor.adding(days: -61), sections: allSections.dropFirst(10), by: specialist, given: &answers)
        var revision = profileStore.startSession(for: client.id, definition: definition, at: stamp(anchor.adding(days: -4), hour: 14), id: uuid())
        let revised = personas[(index + 1) % personas.count]
        let when = stamp(anchor.adding(days: -4), hour: 14)
        _ = try profileStore.append(.text(revised.jobGoal), to: "job-goal", in: definition, by: specialist, source: .client,
                                at: when.addingTimeInterval(120), session: &revision)
        _ = try profileStore.append(.choice(revised.hours), to: "hours-per-week", in: definition, by: specialist, source: .client,
                                at: when.addingTimeInterval(240), session: &revision)
        _ = try profileStore.append(.choices(revised.workTypes), to: "work-types", in: definition, by: specialist, source: .team,
                                at: when.addingTimeInterval(360), session: &revision)
        profileCount.complete += 1
    case 2:
        // Started: the first questions of one meeting.
        try meeting(client, persona: persona, on: anchor.adding(days: -3), sections: allSections.prefix(1), limit: 6, by: specialist, given: &answers)
        profileCount.started += 1
    default:
        profileCount.notStarted += 1
    }
}
print("Career profiles: \(profileCount.complete) complete and revised, \(profileCount.halfDone) half done, \(profileCount.started) started, the rest not started")
