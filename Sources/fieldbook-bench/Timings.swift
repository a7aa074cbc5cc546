import Foundation
import Histogram

/// Durations of repeated runs of one thing, in microseconds, kept in an HDR histogram
/// (3 significant digits) for the median and the 99th percentile.
struct Timings {
    private var histogram = Histogram<UInt64>(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)

    var count: Int { Int(histogram.totalCount) }
    var medianMilliseconds: Double { Double(histogram.valueAtPercentile(50)) / 1_000 }
    var p99Milliseconds: Double { Double(histogram.valueAtPercentile(99)) / 1_000 }
    var maxMilliseconds: Double { Double(histogram.max) / 1_000 }

    mutating func record(seconds: Double) {
        _ = histogram.record(UInt64(max(1, (seconds * 1_000_000).rounded())))
    }

    mutating func add(_ other: Timings) { histogram.add(other.histogram) }

    /// Times `work` once and records it.
    @discardableResult
    mutating func time<T>(_ work: () throws -> T) rethrows -> T {
        let start = Clock.now
        let result = try work()
        record(seconds: Clock.seconds(since: start))
        return result
    }
}

enum Clock {
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// Processor time the whole process (every thread) has used, in nanoseconds.
    static var processProcessorTime: UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Processor time this thread has used, in nanoseconds: unlike the wall clock, it leaves out
    /// the time spent waiting for a core that other programs hold.
    static var threadProcessorTime: UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
