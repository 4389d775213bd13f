using System.Globalization;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;

namespace Adminduk.Domain.Tests.Numbers;

public class NikTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("6471050903850012", "Kalimantan Timur", "Kota Balikpapan", "Balikpapan Selatan", "1985-03-09", Sex.Male, 12)]
    [InlineData("6471057112019999", "Kalimantan Timur", "Kota Balikpapan", "Balikpapan Selatan", "2001-12-31", Sex.Female, 9999)]
    [InlineData("1671010101000001", "Sumatera Selatan", "Kota Palembang", "Ilir Barat Dua", "2000-01-01", Sex.Male, 1)]
    [InlineData("3171014506990123", "Daerah Khusus Ibukota Jakarta", "Kota Administrasi Jakarta Pusat", "Gambir", "1999-06-05", Sex.Female, 123)]
    [InlineData("6471052902000001", "Kalimantan Timur", "Kota Balikpapan", "Balikpapan Selatan", "2000-02-29", Sex.Male, 1)]
    [InlineData("6471056902040002", "Kalimantan Timur", "Kota Balikpapan", "Balikpapan Selatan", "2004-02-29", Sex.Female, 2)]
    [InlineData("6471016902280003", "Kalimantan Timur", "Kota Balikpapan", "Balikpapan Timur", "1928-02-29", Sex.Female, 3)]
    [InlineData("6471014101700010", "Kalimantan Timur", "Kota Balikpapan", "Balikpapan Timur", "1970-01-01", Sex.Female, 10)]
    [InlineData("6471063112990100", "Kalimantan Timur", "Kota Balikpapan", "Balikpapan Kota", "1999-12-31", Sex.Male, 100)]
    [InlineData("9171034506900001", "Papua", "Kota Jayapura", "Abepura", "1990-06-05", Sex.Female, 1)]
    [InlineData("9404010101100001", "Papua Tengah", "Kabupaten Mimika", "Mimika Baru", "2010-01-01", Sex.Male, 1)]
    public void Valid_niks_give_every_part(string nik, string province, string regency, string district, string birth, Sex sex, int serial)
    {
        var r = Nik.Parse(nik, Today);
        r.Errors.ShouldBeEmpty();
        r.Warnings.ShouldBeEmpty();
        r.Valid.ShouldBeTrue();
        r.Digits.ShouldBe(nik);
        r.ProvinceName.ShouldBe(province);
        r.RegencyName.ShouldBe(regency);
        r.DistrictName.ShouldBe(district);
        r.BirthDate.ShouldBe(DateOnly.ParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        r.Sex.ShouldBe(sex);
        r.Serial.ShouldBe(serial);
    }

    [Theory]
    [InlineData("  6471050903850012 ")]
    [InlineData("\t6471050903850012\n")]
    public void Outer_whitespace_is_trimmed(string input)
    {
        var r = Nik.Parse(input, Today);
        r.Valid.ShouldBeTrue();
        r.Input.ShouldBe("6471050903850012");
    }

    [Theory]
    [InlineData("231126", "2026-11-23")] // born today
    [InlineData("241126", "1926-11-24")] // tomorrow in 2026 is in the future: 1926
    [InlineData("010127", "1927-01-01")]
    [InlineData("010126", "2026-01-01")]
    [InlineData("311225", "2025-12-31")]
    [InlineData("010100", "2000-01-01")]
    [InlineData("010199", "1999-01-01")]
    [InlineData("631126", "2026-11-23")] // a girl born today
    public void The_century_is_the_latest_that_is_not_in_the_future(string ddmmyy, string expected)
    {
        var r = Nik.Parse($"647105{ddmmyy}0001", Today);
        r.Valid.ShouldBeTrue();
        r.BirthDate.ShouldBe(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_leap_day_that_exists_only_in_the_future_century_is_invalid()
    {
        // 29-02-00: 2000 is a leap year but after "today"; 1900 was not a leap year.
        var r = Nik.Parse("6471052902000001", new DateOnly(1999, 12, 31));
        r.Errors.Select(e => e.Code).ShouldBe([NumberIssueCodes.NikBirthDateInvalid]);
        r.BirthDate.ShouldBeNull();
    }

    [Theory]
    [InlineData("", NumberIssueCodes.NikEmpty)]
    [InlineData("   ", NumberIssueCodes.NikEmpty)]
    [InlineData(null, NumberIssueCodes.NikEmpty)]
    [InlineData("6471.05.090385.0012", NumberIssueCodes.NikNotDigits, "5", ".")]
    [InlineData("6471 0509 0385 0012", NumberIssueCodes.NikNotDigits, "5", "U+0020")]
    [InlineData("6471-0509-0385-0012", NumberIssueCodes.NikNotDigits, "5", "-")]
    [InlineData("64710509038500l2", NumberIssueCodes.NikNotDigits, "15", "l")]
    [InlineData("NIK6471050903850012", NumberIssueCodes.NikNotDigits, "1", "N")]
    [InlineData("٦٤٧١٠٥٠٩٠٣٨٥٠٠١٢٣٤", NumberIssueCodes.NikNotDigits, "1", "٦")]
    [InlineData("647105090385001", NumberIssueCodes.NikLength, "15")]
    [InlineData("64710509038500123", NumberIssueCodes.NikLength, "17")]
    [InlineData("1", NumberIssueCodes.NikLength, "1")]
    public void Input_that_is_not_16_digits_stops_with_one_error(string? input, string code, params string[] arguments)
    {
        var r = Nik.Parse(input, Today);
        r.Valid.ShouldBeFalse();
        var error = r.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.Arguments.ShouldBe(arguments);
        r.Digits.ShouldBeNull();
        r.Region.ShouldBeNull();
        r.ProvinceName.ShouldBeNull();
        r.BirthDate.ShouldBeNull();
        r.Sex.ShouldBeNull();
        r.Serial.ShouldBeNull();
    }

    [Theory]
    [InlineData("9971050903850012", NumberIssueCodes.NikProvinceUnknown, "99")]
    [InlineData("0071050903850012", NumberIssueCodes.NikProvinceUnknown, "00")]
    [InlineData("1071050903850012", NumberIssueCodes.NikProvinceUnknown, "10")]
    [InlineData("6471050003850012", NumberIssueCodes.NikBirthDateDay, "00")]
    [InlineData("6471053203850012", NumberIssueCodes.NikBirthDateDay, "32")]
    [InlineData("6471054003850012", NumberIssueCodes.NikBirthDateDay, "40")]
    [InlineData("6471057203850012", NumberIssueCodes.NikBirthDateDay, "72")]
    [InlineData("6471059903850012", NumberIssueCodes.NikBirthDateDay, "99")]
    [InlineData("6471050900850012", NumberIssueCodes.NikBirthDateMonth, "00")]
    [InlineData("6471050913850012", NumberIssueCodes.NikBirthDateMonth, "13")]
    [InlineData("6471053102850012", NumberIssueCodes.NikBirthDateInvalid, "31-02-85")]
    [InlineData("6471053002850012", NumberIssueCodes.NikBirthDateInvalid, "30-02-85")]
    [InlineData("6471052902010012", NumberIssueCodes.NikBirthDateInvalid, "29-02-01")]
    [InlineData("6471053104850012", NumberIssueCodes.NikBirthDateInvalid, "31-04-85")]
    [InlineData("6471057102850012", NumberIssueCodes.NikBirthDateInvalid, "31-02-85")]
    [InlineData("6471057111850012", NumberIssueCodes.NikBirthDateInvalid, "31-11-85")]
    [InlineData("6471050903850000", NumberIssueCodes.NikSerialZero)]
    public void Each_rule_has_its_error(string nik, string code, params string[] arguments)
    {
        var r = Nik.Parse(nik, Today);
        r.Valid.ShouldBeFalse();
        var error = r.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.Arguments.ShouldBe(arguments);
        r.Digits.ShouldBe(nik);
    }

    [Fact]
    public void Parts_that_are_fine_are_still_given_when_others_are_wrong()
    {
        var r = Nik.Parse("6471054113850000", Today);
        r.Errors.Select(e => e.Code).ShouldBe([NumberIssueCodes.NikBirthDateMonth, NumberIssueCodes.NikSerialZero]);
        r.DistrictName.ShouldBe("Balikpapan Selatan");
        r.Sex.ShouldBe(Sex.Female); // the day field (41) still says so
        r.BirthDate.ShouldBeNull();
        r.Serial.ShouldBeNull();
    }

    [Fact]
    public void Every_broken_part_is_reported_at_once()
    {
        var r = Nik.Parse("9971053213850000", Today);
        r.Errors.Select(e => e.Code).ShouldBe(
        [
            NumberIssueCodes.NikProvinceUnknown,
            NumberIssueCodes.NikBirthDateDay,
            NumberIssueCodes.NikBirthDateMonth,
            NumberIssueCodes.NikSerialZero,
        ]);
        r.ProvinceName.ShouldBeNull();
        r.Region!.Regency.ShouldBeNull();
        r.Sex.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_regency_is_a_warning_and_is_never_named()
    {
        var r = Nik.Parse("6499050903850012", Today);
        r.Valid.ShouldBeTrue();
        var w = r.Warnings.ShouldHaveSingleItem();
        w.Code.ShouldBe(NumberIssueCodes.NikRegencyUnknown);
        w.Arguments.ShouldBe(["64.99", "Kalimantan Timur"]);
        r.ProvinceName.ShouldBe("Kalimantan Timur");
        r.RegencyName.ShouldBeNull();
        r.DistrictName.ShouldBeNull();
    }

    [Theory]
    [InlineData("6471990903850012", "64.71.99", "Kota Balikpapan")]
    [InlineData("6471000903850012", "64.71.00", "Kota Balikpapan")]
    [InlineData("1671990903850012", "16.71.99", "Kota Palembang")]
    public void An_unknown_district_is_a_warning_and_is_never_named(string nik, string code, string regency)
    {
        var r = Nik.Parse(nik, Today);
        r.Valid.ShouldBeTrue();
        var w = r.Warnings.ShouldHaveSingleItem();
        w.Code.ShouldBe(NumberIssueCodes.NikDistrictUnknown);
        w.Arguments.ShouldBe([code, regency]);
        r.RegencyName.ShouldBe(regency);
        r.DistrictName.ShouldBeNull();
    }

    [Theory]
    [InlineData("9109014506900001", "Papua", "Kabupaten Mimika", "Mimika Baru", "91.09", "Kabupaten Mimika", "94.04", "Kabupaten Mimika, Papua Tengah")]
    [InlineData("9271010101800001", "Papua Barat", "Kota Sorong", "Sorong", "92.71", "Kota Sorong", "96.71", "Kota Sorong, Papua Barat Daya")]
    [InlineData("9101010101800001", "Papua", "Kabupaten Merauke", "Merauke", "91.01", "Kabupaten Merauke", "93.01", "Kabupaten Merauke, Papua Selatan")]
    public void A_nik_from_a_retired_code_stays_valid_and_tells_the_current_code(
        string nik, string province, string regency, string district, string oldCode, string oldName, string newCode, string newName)
    {
        var r = Nik.Parse(nik, Today);
        r.Valid.ShouldBeTrue();
        r.ProvinceName.ShouldBe(province);
        r.RegencyName.ShouldBe(regency);
        r.DistrictName.ShouldBe(district);
        var w = r.Warnings.ShouldHaveSingleItem();
        w.Code.ShouldBe(NumberIssueCodes.NikRegionHistorical);
        w.Arguments.ShouldBe([oldCode, oldName, "2022", newCode, newName]);
    }

    [Fact]
    public void A_nik_from_tarakan_before_kalimantan_utara_names_the_city_but_not_an_unverified_district()
    {
        var r = Nik.Parse("6473010101800001", Today);
        r.Valid.ShouldBeTrue();
        r.ProvinceName.ShouldBe("Kalimantan Timur");
        r.RegencyName.ShouldBe("Kota Tarakan");
        r.DistrictName.ShouldBeNull();
        r.Warnings.Select(w => w.Code).ShouldBe([NumberIssueCodes.NikDistrictUnknown, NumberIssueCodes.NikRegionHistorical]);
        r.Warnings[1].Arguments.ShouldBe(["64.73", "Kota Tarakan", "2012", "65.71", "Kota Tarakan, Kalimantan Utara"]);
    }

    [Fact]
    public void An_ambiguous_code_is_a_warning_listing_every_meaning_and_names_nothing()
    {
        var recoding = new RegionRecoding("test", 2022, ["96"], DistrictSuffixesKept: true);
        var resolver = new HistoricalRegionResolver(RegionCatalog.Default, [new HistoricalRegion("91.71", "Kota Sorong", RegionLevel.Regency, "96.71", recoding)]);

        var r = Nik.Parse("9171014506900001", Today, resolver);
        r.Valid.ShouldBeTrue();
        r.ProvinceName.ShouldBe("Papua");
        r.RegencyName.ShouldBeNull();
        r.DistrictName.ShouldBeNull();
        r.Warnings.Select(w => w.Code).ShouldBe([NumberIssueCodes.NikRegionAmbiguous, NumberIssueCodes.NikRegionAmbiguous]);
        r.Warnings[0].Arguments.ShouldBe(["91.71", "Kota Jayapura; Kota Sorong (–2022)"]);
        r.Warnings[1].Arguments.ShouldBe(["91.71.01", "Jayapura Utara; Sorong (–2022)"]);
        r.Region!.Regency!.Meanings.Count.ShouldBe(2);
    }

    [Fact]
    public void Messages_say_what_was_wrong_in_bahasa_indonesia_and_english()
    {
        var error = Nik.Parse("6471.05.090385.0012", Today).Errors.Single();
        error.Message.ShouldBe("NIK hanya boleh berisi angka 0-9, tanpa spasi atau tanda baca: karakter ke-5 [.] bukan angka.");
        error.MessageEnglish.ShouldBe("A NIK may contain only the digits 0-9, without spaces or punctuation: character 5 [.] is not a digit.");
        error.MessageIn(CultureInfo.GetCultureInfo("en-US")).ShouldBe(error.MessageEnglish);
        error.MessageIn(CultureInfo.GetCultureInfo("id-ID")).ShouldBe(error.Message);

        Nik.Parse("647105090385001", Today).Errors.Single().Message.ShouldBe("NIK harus 16 angka, yang dimasukkan 15 angka.");
        Nik.Parse("9109014506900001", Today).Warnings.Single().Message.ShouldBe(
            "Kode wilayah 91.09 (Kabupaten Mimika) dipakai sampai tahun 2022; sekarang wilayah itu berkode 94.04 (Kabupaten Mimika, Papua Tengah). NIK tetap berlaku.");
    }

    [Theory]
    [InlineData("6471050903850012", "647105******0012")]
    [InlineData(" 6471050903850012 ", "647105******0012")]
    [InlineData("64710509", "********")]
    [InlineData("6471.05.090385.0", "****************")]
    public void Masking_hides_the_birth_date(string nik, string masked) => Nik.Mask(nik).ShouldBe(masked);
}
