/// Korean news signs an article at its end with the writer's name, role and e-mail address:
/// "홍길동 기자 hong@example.com", "칼럼니스트 홍길동 <a href="mailto:…">". Read when the markup
/// names no author.
enum KoreanByline {
    /// Reporter, columnist, correspondent, editorial writer and the like.
    static let roles: Set<String> = [
        "기자", "칼럼니스트", "특파원", "객원기자", "선임기자", "인턴기자", "수습기자", "논설위원", "편집위원",
        "전문기자",
    ]

    static let matcher = PhraseMatcher(Array(roles))

    /// The name in a signature text that is only a name and a role (and e-mail addresses): a
    /// 2–4 syllable Hangul word before or after the role.
    static func name(in text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace).filter { !$0.contains("@") }.map {
            String($0).trimmingCharacters(in: ".,:;()[]<>·")
        }.filter { !$0.isEmpty }
        guard words.count == 2 else { return nil }
        let name = roles.contains(words[1]) ? words[0] : roles.contains(words[0]) ? words[1] : nil
        guard let name, (2...4).contains(name.count), name.unicodeScalars.allSatisfy(isHangulSyllable) else {
            return nil
        }
        return name
    }

    private static func isHangulSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }
}
