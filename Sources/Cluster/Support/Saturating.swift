/// Arithmetic on numbers that came from a peer: it clamps instead of trapping on overflow.
public enum Saturating {
    /// `a + b`, clamped to `Int.min…Int.max`.
    public static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard overflow else { return sum }
        return b > 0 ? .max : .min
    }

    /// `a - b`, clamped to `Int.min…Int.max`.
    public static func subtract(_ a: Int, _ b: Int) -> Int {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        guard overflow else { return difference }
        return b > 0 ? .min : .max
    }

    /// The sum of `values`, clamped.
    public static func sum<S: Sequence<Int>>(_ values: S) -> Int {
        values.reduce(0, add)
    }
}
