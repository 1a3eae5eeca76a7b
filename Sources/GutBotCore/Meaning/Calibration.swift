/// How to read one encoder's cosines, for routing and for the safety net.
///
/// Encoders differ in scale. The static table's vectors of unrelated texts
/// still point somewhat the same way (cosines near 0.3), while the
/// transformer's spread out, so a cosine of 0.6 says more from the
/// transformer than from the table. Each encoder therefore comes with its
/// own floor, weight and net thresholds, chosen on the dev sets and by
/// leaving one safety table out at a time (see README.md's Matching section).
public struct Calibration: Sendable, Equatable {
    /// How much meaning counts against words in a blended routing score.
    public var semanticWeight: Double
    /// Cosines at or below this mean nothing to routing.
    public var semanticFloor: Double
    /// The net fires when a crisis line is at least this similar ...
    public var minimumCrisis: Float
    /// ... and this much more similar than the closest benign text.
    public var crisisMargin: Float
    /// A distress line must be at least this similar to count ...
    public var minimumDistress: Float
    /// ... and this much more similar than the closest benign text.
    public var distressMargin: Float
    /// The net also fires when the ``CrisisClassifier`` leans at least this
    /// far towards crisis ...
    public var minimumLean: Float
    /// ... and the closest crisis line is no further than this below the
    /// closest benign text (a negative margin) ...
    public var leanMargin: Float
    /// ... in a message of at least this many words.
    public var minimumLeanWords: Int

    /// A calibration with the given values; without a classifier's values,
    /// the classifier never fires.
    public init(
        semanticWeight: Double, semanticFloor: Double, minimumCrisis: Float, crisisMargin: Float,
        minimumDistress: Float, distressMargin: Float, minimumLean: Float = .infinity, leanMargin: Float = 0,
        minimumLeanWords: Int = 0
    ) {
        self.semanticWeight = semanticWeight
        self.semanticFloor = semanticFloor
        self.minimumCrisis = minimumCrisis
        self.crisisMargin = crisisMargin
        self.minimumDistress = minimumDistress
        self.distressMargin = distressMargin
        self.minimumLean = minimumLean
        self.leanMargin = leanMargin
        self.minimumLeanWords = minimumLeanWords
    }

    /// Whether a message whose closest crisis line and closest benign text
    /// are this similar is near a crisis line: the net's first test.
    public func isNearCrisisLine(nearestCrisis: Float, nearestBenign: Float) -> Bool {
        nearestCrisis >= minimumCrisis && nearestCrisis - nearestBenign >= crisisMargin
    }

    /// Whether `judgement` passes both of the net's tests at once: near a
    /// crisis line, and leaning towards crisis as far as ``minimumLean``.
    /// A sentence read apart from its message must: a few words alone ("I'm
    /// 68 and on blood pressure tablets.") are easily misread by either test.
    public func passesBothTests(_ judgement: SafetyNet.Judgement) -> Bool {
        isNearCrisisLine(nearestCrisis: judgement.nearestCrisis, nearestBenign: judgement.nearestBenign)
            && (judgement.lean ?? -.infinity) >= minimumLean
    }

    /// For ``StaticEncoder``: its table's cosines run high, so only a very
    /// close crisis line counts.
    public static let staticTable = Calibration(
        semanticWeight: 0.5, semanticFloor: 0.3, minimumCrisis: 0.80, crisisMargin: 0.08,
        minimumDistress: 0.80, distressMargin: 0)

    /// For ``TransformerEncoder``, which reads word order and context: it
    /// weighs more against the words, and its net reaches further. With one
    /// safety table left out at a time, the net alone catches 76 to 86% of
    /// that table's crisis lines at these values (82% in all, with 4.3% of
    /// its tricky benign lines caught too); the static net caught 32 to 60%.
    /// Its classifier's values were chosen the same way, on tables 14 to 17
    /// (see ``CrisisClassifier``): a lean of 1.5 in log-odds, with a crisis
    /// line at most 0.02 further than the closest benign text, kept the
    /// false alarms of three of the four tables within 0.4 points. Every
    /// crisis line it alone caught there had 9 words or more; below that it
    /// caught only benign lines and topic questions leaning on the
    /// conversation ("i cant sit still for that, alternatives?"), whose few
    /// words say too little about which side of the space they are on.
    public static let transformer = Calibration(
        semanticWeight: 0.6, semanticFloor: 0.3, minimumCrisis: 0.55, crisisMargin: 0.08,
        minimumDistress: 0.60, distressMargin: 0, minimumLean: 1.5, leanMargin: -0.02, minimumLeanWords: 9)
}
