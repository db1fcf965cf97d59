/// Frequent function words of the languages written in Latin or Cyrillic script, for
/// `LanguageDetector`. Written by hand from general knowledge of each language.
enum LanguageProfiles {
    static let latin: [(code: String, words: String)] = [
        (
            "en",
            "the and of to in is that for it with as was on are be by this have from or at not but an they "
                + "which you his her were has had been their will would who said more about there its we"
        ),
        (
            "de",
            "der die und das ist nicht ein eine zu den dem mit sich des auf für im von auch es als wird "
                + "werden sind bei oder nach wie noch aus wir sie dass einer um über hat kann ich"
        ),
        (
            "fr",
            "le la les et des est une un du en que qui dans pour pas sur au avec ce il elle sont par plus "
                + "mais ou nous vous ont été cette aux ne se leur son sa"
        ),
        (
            "es",
            "el la los las y en que del se por un una con para es al lo como más pero sus le ya fue este "
                + "está son entre cuando muy sin sobre también hay desde todo nos ha"
        ),
        (
            "it",
            "il lo la gli le di che e un una per non sono con del della dei nel nella è anche come più ma si "
                + "da al alla questo ha ci ho essere loro suo tutto delle"
        ),
        (
            "pt",
            "o a os as de do da dos das em no na nos um uma que e é para com não por mais se como mas foi ao "
                + "seu sua ou ser quando muito já também você são pelo pela isso está"
        ),
        (
            "nl",
            "de het een en van is dat op te in zijn voor met niet die er aan ook als bij door maar om worden "
                + "wordt nog naar dan hij zij kan was heeft uit deze geen tot"
        ),
        (
            "pl",
            "i w na z że się nie do jest to jak o co ale po od za przez dla jego jej tak są tym być może już "
                + "był była które który która oraz także tylko przy"
        ),
        (
            "sv",
            "och att det som en är av för på med till den har de inte om ett jag men var sig så vi kan från "
                + "eller när ska också efter mot vid sina"
        ),
        (
            "da",
            "og at det er en af til på den som med for de har ikke et der jeg var men om fra kan så vil også "
                + "eller efter når skal blev være hvor havde"
        ),
        (
            "no",
            "og i det er en til på som at av for med har de ikke et den jeg var men om fra kan så vil også "
                + "eller etter når skal ble være hvor hadde seg"
        ),
        (
            "fi",
            "ja on ei että se oli hän mutta kun tai niin myös ovat joka sen kuin jos ole mukaan vain nyt jo "
                + "voi hänen sekä tämä jotka koska mitä"
        ),
        (
            "cs",
            "a v se na je že to s z do o jsou by jako ale pro k jeho podle také které který která bylo byl "
                + "být jsem už při po od tak jen ještě není"
        ),
        (
            "hu",
            "a az és hogy nem is egy meg van ez de már csak mint volt vagy még el ki be azt ha pedig lesz "
                + "kell után mert amely ami szerint"
        ),
        (
            "ro",
            "și în de la a cu care pe nu o un că din este mai să se au pentru ca sau fost sunt dar lui acest "
                + "această prin după fi foarte"
        ),
        (
            "tr",
            "ve bir bu da de için ile çok olarak daha gibi en ne var olan ama kadar sonra ya her o şu değil "
                + "mi ki veya göre olduğu tarafından"
        ),
        (
            "id",
            "yang dan di ini itu dengan untuk dari tidak akan pada juga ke karena ada bisa kita saya mereka "
                + "oleh adalah dalam atau sudah telah lebih seperti jika hanya kami tersebut"
        ),
        (
            "vi",
            "của và là có không những được trong người một các cho này với đã để khi từ cũng như đến về "
                + "nhiều theo năm tại"
        ),
    ]

    static let cyrillic: [(code: String, words: String)] = [
        (
            "ru",
            "и в не на что с по это как он но к из у за для от так его все же она был также только уже бы "
                + "были если или когда чтобы при"
        ),
        (
            "uk",
            "і в не на що з та як до це у за для від але його вже також є які був бути щоб при або коли"
        ),
        (
            "bg",
            "и на за да се в от е не с че по са как но това към ще има които който при след още бъде или"
        ),
    ]
}
