import FieldbookCore
import Foundation

/// Ctrl-S to the redrawn page, on the real binary: a client's form is opened, the name typed anew, and the time runs from writing Ctrl-S to the terminal until the app
/// has drawn "Client details saved.". It holds the store's own save (timed on its own by
/// `StoreTiming`), the wait for the key loop to take the store's answer, and the drawing.
struct SaveRoundTrip {
    let launcher: FirstFrame

    /// Wall-clock timings of `count` saves of the first client of the specialist's caseload, and
    /// the first save's own time (not among them: it waits for the start-up work on the store's
    /// queue, the folder's check and the career profiles, and opens the audit log).
    func measure(_ arguments: [String], count: Int) throws -> (timings: Timings, firstMilliseconds: Double) {
        let app = try PtyApp(binary: launcher.binary, arguments: arguments, environment: launcher.environment)
        try app.waitFor(FirstFrame.marker)
        // The caseload, then the first client's page.
        app.type(Array("2".utf8))
        try app.waitFor("Caseload", after: 0)
        var mark = app.drawn
        app.type([13])
        try app.waitFor("edit", after: mark)
        var timings = Timings()
        var first = 0.0
        for round in 0...count {
            mark = app.drawn
            app.type(Array("e".utf8))
            try app.waitFor("Ctrl-S", after: mark)
            // Typing replaces the focused field (the name): it changes each time.
            app.type(Array((round % 2 == 0 ? "Lee, Ann" : "Lee, Bea").utf8))
            usleep(20_000)
            mark = app.drawn
            let start = Clock.now
            app.type([19])
            try app.waitFor("details saved", after: mark)
            if round == 0 { first = Clock.seconds(since: start) * 1000 } else { timings.record(seconds: Clock.seconds(since: start)) }
        }
        return (timings, first)
    }
}
