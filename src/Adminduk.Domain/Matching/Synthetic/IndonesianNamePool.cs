namespace Adminduk.Domain.Matching.Synthetic;

/// <summary>
/// Name, street and title pools for the synthetic register. Names are written in today's spelling (EYD); the
/// generator makes the old spellings and abbreviations itself, so what it plants is independent of the matcher's folding.
/// Earlier entries are drawn more often (a Zipf-like skew), so common names are common as in real registers.
/// </summary>
internal static class IndonesianNamePool
{
    public enum Culture
    {
        Javanese,
        Muslim,
        Banjar,
        Batak,
        Christian,
        ChineseIndonesian,
    }

    public static readonly string[] JavaneseMale =
    [
        "Budi", "Agus", "Slamet", "Eko", "Joko", "Bambang", "Sutrisno", "Wahyu", "Heru", "Sugeng", "Dwi", "Tri", "Adi",
        "Bagus", "Yudi", "Didik", "Sigit", "Gunawan", "Setiawan", "Santoso", "Susilo", "Purnomo", "Prasetyo", "Nugroho",
        "Wibowo", "Kurniawan", "Hartono", "Sumarno", "Suyono", "Sukarno", "Cahyo", "Teguh", "Haryanto", "Priyanto",
        "Widodo", "Wijaya", "Suparman", "Sujatmiko", "Yoga", "Anton", "Arif", "Hendro", "Suroso", "Rudy", "Yanto",
        "Joyo", "Suwarno", "Mujiono", "Sarjono", "Tukiman", "Wagiman", "Parjo", "Darmaji", "Suryadi", "Triyono",
    ];

    public static readonly string[] JavaneseFemale =
    [
        "Sri", "Dewi", "Wahyuni", "Lestari", "Suryani", "Handayani", "Kurniasih", "Rahayu", "Endang", "Tri", "Dwi",
        "Wulandari", "Purwanti", "Suharti", "Sulastri", "Sumarni", "Mulyani", "Sutinah", "Winarti", "Yuliani",
        "Ningsih", "Setyowati", "Pujiastuti", "Utami", "Astuti", "Kartini", "Suprapti", "Wartini", "Juwita",
        "Yanti", "Rina", "Rini", "Yuni", "Tuti", "Ayu", "Diah", "Indah", "Ratna", "Ratih", "Sari",
    ];

    public static readonly string[] MuslimMale =
    [
        "Rizki", "Fauzi", "Hidayat", "Rahmat", "Yusuf", "Ibrahim", "Ismail", "Hasan",
        "Husain", "Ali", "Umar", "Hamzah", "Ilham", "Fajar", "Taufik", "Syaiful", "Zainal", "Khairul", "Nurdin",
        "Lukman", "Hakim", "Iskandar", "Rahman", "Aziz", "Hafiz", "Fikri", "Faisal", "Akbar", "Ridwan", "Soleh",
        "Munir", "Abdullah", "Hamid", "Mahmud", "Jamal", "Kamal", "Salim", "Syahrul", "Ramadan", "Firdaus", "Yahya",
        "Zakaria", "Sofyan", "Anwar", "Arifin", "Khoirudin", "Syamsudin", "Rusdi", "Hairil", "Junaidi", "Mukhlis",
    ];

    public static readonly string[] MuslimFemale =
    [
        "Fatimah", "Aisyah", "Khadijah", "Aminah", "Nurhayati", "Rahmawati", "Halimah", "Zainab",
        "Nurul", "Fitri", "Rohani", "Hajar", "Maryam", "Salma", "Nabila", "Zahra", "Khairunisa", "Yulianti", "Rahmah",
        "Sholihah", "Hidayah", "Aini", "Mardiyah", "Jamilah", "Syarifah", "Rukiah", "Maimunah", "Nadia", "Aulia",
        "Annisa", "Latifah", "Husna", "Hafsah", "Marwah", "Azizah", "Fadilah", "Munawarah", "Saodah",
    ];

    public static readonly string[] BanjarMale =
    [
        "Andi", "Syamsul", "Hamka", "Darmawan", "Jumadi", "Mulyadi", "Irwan", "Hendra", "Rudi", "Samsudin", "Rahmadi",
        "Fahrianoor", "Gazali", "Maulana", "Noorhadi", "Jailani", "Aspiannor", "Masrani", "Akhmad", "Basuki",
        "Bahrudin", "Yusran", "Hairani", "Juhri", "Nanang", "Irfan", "Bakri", "Sahrani", "Supian", "Ardiansyah",
    ];

    public static readonly string[] BanjarFemale =
    [
        "Norhayati", "Nurjanah", "Rusmini", "Masitah", "Jumiati", "Rabiatul", "Hamidah", "Nurlaila", "Rosmiati",
        "Fatmawati", "Murni", "Salmah", "Mariani", "Herlina", "Noraida", "Rusdiana", "Asmah", "Hasanah", "Juleha",
        "Erna", "Yulia", "Risna", "Mahmudah", "Normila", "Saidah",
    ];

    public static readonly string[] BatakMarga =
    [
        "Siregar", "Nasution", "Harahap", "Simanjuntak", "Hutapea", "Sinaga", "Lubis", "Pane", "Situmorang",
        "Simatupang", "Sihombing", "Panjaitan", "Manurung", "Tampubolon", "Sitorus", "Silalahi", "Pardede", "Hutagalung",
    ];

    public static readonly string[] BatakMale =
    [
        "Togar", "Parlindungan", "Bonar", "Hotman", "Marulam", "Sahat", "Tumpal", "Robert", "Jhonson", "Poltak",
        "Benny", "Ronald", "Hendrik", "Daniel", "Martin", "Rudolf", "Andreas", "Saut", "Binsar", "Tigor",
    ];

    public static readonly string[] BatakFemale =
    [
        "Romauli", "Tiurma", "Rosmaida", "Lasma", "Erika", "Nurhaida", "Dameria", "Hotnida", "Rumondang", "Tiorida",
        "Maria", "Lince", "Rosdiana", "Friska", "Yohana", "Delima", "Masniari", "Evi", "Sondang", "Intan",
    ];

    public static readonly string[] ChristianMale =
    [
        "Yohanes", "Stefanus", "Petrus", "Paulus", "Yosef", "Markus", "Fransiskus", "Yakobus", "Thomas", "Philipus",
        "Matius", "Lukas", "Agustinus", "Antonius", "Kristian", "Yulius", "Gregorius", "Ignatius", "Laurensius",
        "Dominikus", "Sebastianus", "Hendrikus", "Yonatan", "Elias", "Natanael",
    ];

    public static readonly string[] ChristianFemale =
    [
        "Maria", "Agustina", "Yohana", "Magdalena", "Theresia", "Veronika", "Elisabeth", "Kristina", "Margaretha",
        "Yuliana", "Katarina", "Martha", "Rosalina", "Fransiska", "Agnes", "Monika", "Debora", "Ester", "Rut", "Priska",
    ];

    public static readonly string[] ChineseIndonesianGiven =
    [
        "Hendra", "Linda", "Wijaya", "Susanto", "Halim", "Gunawan", "Tanoto", "Setiadi", "Lukito", "Kusuma",
        "Widjaja", "Salim", "Hartanto", "Tjahjadi", "Sugianto", "Liem", "Tan", "Lim", "Ong", "Gozali",
    ];

    public static readonly string[] ChineseIndonesianFirstMale =
    [
        "Budi", "Hendra", "Andi", "Rudy", "Kevin", "Steven", "Willy", "Jimmy", "Ferry", "Edy", "Yohan", "Felix",
    ];

    public static readonly string[] ChineseIndonesianFirstFemale =
    [
        "Linda", "Lili", "Susi", "Yenny", "Meliana", "Vivian", "Jessica", "Lina", "Fenny", "Sherly", "Cindy", "Mei",
    ];

    /// <summary>Arabic names that follow "Abdul" (servant of ...).</summary>
    public static readonly string[] AfterAbdul =
    [
        "Rahman", "Aziz", "Hamid", "Hakim", "Malik", "Karim", "Latif", "Majid", "Rauf", "Wahab", "Gani", "Kadir", "Salam",
    ];

    /// <summary>Pairs of names twins are given: close in writing, different people.</summary>
    public static readonly (string First, bool FirstFemale, string Second, bool SecondFemale)[] TwinNames =
    [
        ("Hasan", false, "Husain", false), ("Rina", true, "Rini", true), ("Fahri", false, "Fahmi", false),
        ("Rizki", false, "Rizka", true), ("Eka", true, "Ika", true), ("Dian", true, "Dini", true),
        ("Nanda", false, "Nandi", false), ("Putra", false, "Putri", true), ("Fajar", false, "Fikar", false),
        ("Aldi", false, "Aldo", false), ("Nisa", true, "Nisi", true), ("Adam", false, "Hawa", true),
        ("Riko", false, "Riki", false), ("Dinda", true, "Dindi", true), ("Rama", false, "Rami", false),
        ("Ilham", false, "Ilhan", false),
    ];

    public static readonly string[] Streets =
    [
        "Jenderal Sudirman", "Ahmad Yani", "Diponegoro", "Gajah Mada", "MT Haryono", "Soekarno Hatta", "Imam Bonjol",
        "Pattimura", "Mulawarman", "Pangeran Antasari", "Letjend Suprapto", "Marsma Iswahyudi", "Syarifuddin Yoes",
        "Ruhui Rahayu", "Manunggal", "Mayjend Sutoyo", "Kol. Pol. HM Asnawi Arbain", "Prapatan", "Pandan Sari",
        "Gunung Sari Ilir", "Beller", "Sepinggan Baru", "Mekar Sari", "Telaga Sari", "Klandasan", "Damai",
        "Batu Ampar", "Karang Joang", "Graha Indah", "Pupuk Raya", "Cendana", "Kenanga", "Melati", "Anggrek",
        "Flamboyan", "Rapak Indah", "Inpres", "Transad", "Sungai Ampal", "Strat", "Puskib", "Kilometer Lima",
    ];

    /// <summary>Titles written before a name. Female-only ones are marked.</summary>
    public static readonly (string Text, bool FemaleOnly, bool MaleOnly)[] PrefixTitles =
    [
        ("H.", false, true), ("Hj.", true, false), ("Drs.", false, true), ("Dra.", true, false), ("Dr.", false, false),
        ("dr.", false, false), ("Ir.", false, false), ("Prof. Dr.", false, false), ("KH.", false, true), ("H", false, true),
        ("HJ", true, false), ("DRS", false, true), ("Hj", true, false), ("Ir", false, false),
    ];

    /// <summary>Academic degrees written after a name, in the spellings lists use.</summary>
    public static readonly string[] Degrees =
    [
        "S.Pd.", "S.E.", "S.H.", "S.Kom.", "M.Si.", "M.M.", "Amd.", "Sp.A", "S.Pd.I", "S.Ag.", "M.Pd.", "S.T.", "S.Sos.",
        "S.Kep.", "S.IP", "M.H.", "A.Md.Keb.", "S.Farm.", "M.Kes.", "SE", "SH", "SPd", "S.Psi.", "ST", "MM", "Sp.PD",
    ];
}
