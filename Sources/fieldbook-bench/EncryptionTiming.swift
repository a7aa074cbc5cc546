import FieldbookCore
import Foundation

/// The same figures on an encrypted copy of the folder, printed beside the plain ones: the
/// load timed from the moment the passphrase is entered with the key derivation's deliberate
/// cost excluded and printed on its own line, and durable saves through the key.
enum EncryptionTiming {
    static let passphrase = "benchmark passphrase"

    static func measure(_ scale: String, folder: URL, work: URL, runs: Int, plainLoad: Timings, python: Double?,
                        loadTarget: (text: String, met: (Double) -> Bool)?, data: DataSnapshot, today: LocalDate) throws
    {
        let scratch = work.appendingPathComponent("encrypted-\(scale)")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.copyItem(at: folder, to: scratch)
        var start = Clock.now
        let key = try FolderConversion.beginEncryption(scratch, passphrase: passphrase, today: "\(today)")
        let converted = try FolderConversion.finish(scratch, key: key)
        Report.note(String(format: "\(scale): encrypted a copy (%d files) in %.1f s", converted.converted, Clock.seconds(since: start)))

        // The key derivation: what every start pays once, on purpose, before reading anything.
        var derivation = Timings(), derivationProcessor = Timings()
        var transform = FileTransform.plain
        for _ in 0..<min(runs, 5) {
            let format = try EncryptedFolder.state(of: scratch)
            guard case .encrypted(let encryption) = format else { return }
            let processorStart = Clock.threadProcessorTime
            transform = derivation.time { EncryptedFolder.unlock(encryption, passphrase: passphrase)!.key.transform }
            derivationProcessor.record(seconds: Double(Clock.threadProcessorTime - processorStart) / 1e9)
        }
        let cost = KeyDerivation.standard
        Report.line(scale, "key derivation (scrypt N=2^\(cost.n.trailingZeroBitCount) r=\(cost.r) p=\(cost.p))", target: "info",
                    derivation, verdict: .info, note: "once per start, on purpose; left out of the figures below")
        Report.line(scale, "key derivation, processor time", target: "info", derivationProcessor, verdict: .info)

        var load = Timings()
        var loaded = DataSnapshot()
        for _ in 0..<runs {
            start = Clock.now
            let store = try Store(folder: scratch, mode: .readOnly, transform: transform)
            loaded = store.load()
            load.record(seconds: Clock.seconds(since: start))
        }
        guard loaded.clients.count == data.clients.count, loaded.problems.isEmpty else {
            Report.note("\(scale): the encrypted copy did not load as the plain folder does; no figures")
            return
        }
        Report.line(scale, "all data loaded, plain (as above)", target: loadTarget?.text ?? "info", plainLoad, against: python,
                    verdict: loadTarget.map { Report.verdict($0.met(plainLoad.medianMilliseconds)) } ?? .info)
        Report.line(scale, "all data loaded, encrypted", target: loadTarget?.text ?? "info", load, against: python,
                    verdict: loadTarget.map { Report.verdict($0.met(load.medianMilliseconds)) } ?? .info,
                    note: String(format: "%.2f x plain; from the passphrase's key, KDF excluded",
                                 load.medianMilliseconds / max(plainLoad.medianMilliseconds, 0.001)))

        let count = max(50, runs * 4)
        let saves = try StoreTiming.saves(in: scratch, data: loaded, today: today, count: count, transform: transform)
        Report.line(scale, "save one client durably, encrypted", target: "p99 < 5 ms", saves.client,
                    verdict: Report.verdict(saves.client.p99Milliseconds < 5))
        Report.line(scale, "log one employer contact durably, encrypted", target: "p99 < 5 ms", saves.contact,
                    verdict: Report.verdict(saves.contact.p99Milliseconds < 5))
        Report.line(scale, "save one client, processor time, encrypted", target: "info", saves.clientProcessor, verdict: .info)
        try? FileManager.default.removeItem(at: scratch)
    }
}
