/// Month names of the languages news pages are written in, for reading dates such as "25. September
/// 2018", "25 septembre 2018", "25 de septiembre de 2018" or "25 сентября 2018".
///
/// One line per language; months separated by `|`, in calendar order; within a month, the full
/// name first, then other forms (genitive, without diacritics, abbreviations) separated by spaces.
/// Abbreviations are marked with a trailing `.` in the table: a full name elsewhere in the same text
/// wins over them ("Jan Smith, 12 March 2019" is March). Lower case; the same word may appear in
/// several languages only for the same month.
enum MonthNames {
    static let table = [
        // English
        "january jan.|february feb.|march mar.|april apr.|may|june jun.|july jul.|august aug.|"
            + "september sep. sept.|october oct.|november nov.|december dec.",
        // German
        "januar jänner jan.|februar feber feb.|märz maerz mär. mrz.|april apr.|mai|juni|juli|august aug.|"
            + "september sep. sept.|oktober okt.|november nov.|dezember dez.",
        // French
        "janvier janv.|février fevrier févr. fevr.|mars|avril avr.|mai|juin|juillet juil.|août aout|"
            + "septembre sept.|octobre oct.|novembre nov.|décembre decembre déc.",
        // Spanish
        "enero ene.|febrero feb.|marzo mar.|abril abr.|mayo|junio jun.|julio jul.|agosto ago.|"
            + "septiembre setiembre sept.|octubre oct.|noviembre nov.|diciembre dic.",
        // Italian
        "gennaio gen.|febbraio feb.|marzo mar.|aprile apr.|maggio mag.|giugno giu.|luglio lug.|agosto ago.|"
            + "settembre set.|ottobre ott.|novembre nov.|dicembre dic.",
        // Portuguese
        "janeiro jan.|fevereiro fev.|março marco mar.|abril abr.|maio mai.|junho jun.|julho jul.|agosto ago.|"
            + "setembro set.|outubro out.|novembro nov.|dezembro dez.",
        // Dutch
        "januari jan.|februari feb.|maart mrt.|april apr.|mei|juni|juli|augustus aug.|september sep. sept.|"
            + "oktober okt.|november nov.|december dec.",
        // Polish (nominative and genitive)
        "styczeń stycznia sty.|luty lutego lut.|marzec marca|kwiecień kwietnia kwi.|maj maja|czerwiec czerwca cze.|"
            + "lipiec lipca lip.|sierpień sierpnia sie.|wrzesień września wrz.|październik października paź.|"
            + "listopad listopada lis.|grudzień grudnia gru.",
        // Russian (nominative and genitive)
        "январь января янв.|февраль февраля фев.|март марта|апрель апреля апр.|май мая|июнь июня|июль июля|"
            + "август августа авг.|сентябрь сентября сен. сент.|октябрь октября окт.|ноябрь ноября ноя.|"
            + "декабрь декабря дек.",
        // Ukrainian (nominative and genitive)
        "січень січня|лютий лютого|березень березня|квітень квітня|травень травня|червень червня|липень липня|"
            + "серпень серпня|вересень вересня|жовтень жовтня|листопад листопада|грудень грудня",
        // Czech (nominative and genitive)
        "leden ledna|únor února|březen března|duben dubna|květen května|červen června|červenec července|"
            + "srpen srpna|září|říjen října|listopad listopadu|prosinec prosince",
        // Swedish, Danish, Norwegian
        "januari januar|februari februar|mars marts|april|maj mai|juni|juli|augusti august|september|"
            + "oktober|november|december desember",
        // Finnish (nominative and partitive)
        "tammikuu tammikuuta|helmikuu helmikuuta|maaliskuu maaliskuuta|huhtikuu huhtikuuta|toukokuu toukokuuta|"
            + "kesäkuu kesäkuuta|heinäkuu heinäkuuta|elokuu elokuuta|syyskuu syyskuuta|lokakuu lokakuuta|"
            + "marraskuu marraskuuta|joulukuu joulukuuta",
        // Romanian
        "ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie",
        // Hungarian
        "január|február|március|április|május|június|július|augusztus|szeptember|október|november|december",
        // Turkish
        "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık",
        // Indonesian
        "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember",
        // Greek (genitive)
        "ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου|"
            + "νοεμβρίου|δεκεμβρίου",
    ]

    /// A month read from a word: its number and whether the word is an abbreviation.
    struct Month: Equatable {
        var number: Int
        var abbreviated: Bool
    }

    /// Every form, lower-cased without a trailing dot → its month. A word listed both as a full name
    /// and as an abbreviation (of the same month) counts as a full name.
    static let forms: [String: Month] = {
        var result: [String: Month] = [:]
        for line in table {
            for (index, month) in line.split(separator: "|").enumerated() {
                for form in month.split(separator: " ") {
                    let abbreviated = form.hasSuffix(".")
                    let word = String(abbreviated ? form.dropLast() : form)
                    let existing = result[word]
                    if existing == nil || existing?.abbreviated == true {
                        result[word] = Month(number: index + 1, abbreviated: abbreviated)
                    }
                }
            }
        }
        return result
    }()

    /// The month of `word` ("September", "sept.", "września"), or nil.
    static func month(_ word: some StringProtocol) -> Month? {
        month(lowercased: word.lowercased())
    }

    /// The same for a word already in lower case.
    static func month(lowercased word: String) -> Month? {
        forms[word.hasSuffix(".") ? String(word.dropLast()) : word]
    }
}
