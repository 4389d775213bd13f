using System.Globalization;
using Adminduk.Domain.Numbers;

namespace Adminduk.Domain.Tests.Numbers;

public class KkNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("6471050502190001", "Kota Balikpapan", "Balikpapan Selatan", "2019-02-05", 1)]
    [InlineData("1671012311260001", "Kota Palembang", "Ilir Barat Dua", "2026-11-23", 1)]
    [InlineData("1671012902200042", "Kota Palembang", "Ilir Barat Dua", "2020-02-29", 42)]
    [InlineData("1671013112059999", "Kota Palembang", "Ilir Barat Dua", "2005-12-31", 9999)]
    [InlineData("1671010101000100", "Kota Palembang", "Ilir Barat Dua", "2000-01-01", 100)]
    public void Valid_kk_numbers_give_every_part(string kk, string regency, string district, string issued, int serial)
    {
        var r = KkNumber.Parse(kk, Today);
        r.Errors.ShouldBeEmpty();
        r.Warnings.ShouldBeEmpty();
        r.Valid.ShouldBeTrue();
        r.Digits.ShouldBe(kk);
        r.RegencyName.ShouldBe(regency);
        r.DistrictName.ShouldBe(district);
        r.IssuedOn.ShouldBe(DateOnly.ParseExact(issued, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        r.Serial.ShouldBe(serial);
    }

    [Theory]
    [InlineData("", NumberIssueCodes.KkEmpty)]
    [InlineData(null, NumberIssueCodes.KkEmpty)]
    [InlineData("1671-01-050219-0001", NumberIssueCodes.KkNotDigits, "5", "-")]
    [InlineData("167101050219000I", NumberIssueCodes.KkNotDigits, "16", "I")]
    [InlineData("167101050219001", NumberIssueCodes.KkLength, "15")]
    [InlineData("16710105021900011", NumberIssueCodes.KkLength, "17")]
    [InlineData("9971010502190001", NumberIssueCodes.KkProvinceUnknown, "99")]
    [InlineData("1671013102190001", NumberIssueCodes.KkIssueDateInvalid, "31-02-19")]
    [InlineData("1671012902210001", NumberIssueCodes.KkIssueDateInvalid, "29-02-21")]
    [InlineData("1671010001190001", NumberIssueCodes.KkIssueDateInvalid, "00-01-19")]
    [InlineData("1671011513190001", NumberIssueCodes.KkIssueDateInvalid, "15-13-19")]
    [InlineData("1671011500190001", NumberIssueCodes.KkIssueDateInvalid, "15-00-19")]
    [InlineData("1671014105190001", NumberIssueCodes.KkIssueDateInvalid, "41-05-19")] // no +40 on a KK
    [InlineData("1671012411260001", NumberIssueCodes.KkIssueDateFuture, "2026-11-24")]
    [InlineData("1671010101990001", NumberIssueCodes.KkIssueDateFuture, "2099-01-01")]
    [InlineData("1671010502190000", NumberIssueCodes.KkSerialZero)]
    public void Each_rule_has_its_error(string? kk, string code, params string[] arguments)
    {
        var r = KkNumber.Parse(kk, Today);
        r.Valid.ShouldBeFalse();
        var error = r.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.Arguments.ShouldBe(arguments);
    }

    [Fact]
    public void Every_broken_part_is_reported_at_once_and_good_parts_kept()
    {
        var r = KkNumber.Parse("6471053102190000", Today);
        r.Errors.Select(e => e.Code).ShouldBe([NumberIssueCodes.KkIssueDateInvalid, NumberIssueCodes.KkSerialZero]);
        r.DistrictName.ShouldBe("Balikpapan Selatan");
        r.IssuedOn.ShouldBeNull();
        r.Serial.ShouldBeNull();
    }

    [Theory]
    [InlineData("6499050502190001", NumberIssueCodes.KkRegencyUnknown, "64.99", "Kalimantan Timur")]
    [InlineData("6471990502190001", NumberIssueCodes.KkDistrictUnknown, "64.71.99", "Kota Balikpapan")]
    [InlineData("9109010502190001", NumberIssueCodes.KkRegionHistorical, "91.09", "Kabupaten Mimika", "2022", "94.04", "Kabupaten Mimika, Papua Tengah")]
    public void Region_doubts_are_warnings(string kk, string code, params string[] arguments)
    {
        var r = KkNumber.Parse(kk, Today);
        r.Valid.ShouldBeTrue();
        var w = r.Warnings.ShouldHaveSingleItem();
        w.Code.ShouldBe(code);
        w.Arguments.ShouldBe(arguments);
    }

    [Fact]
    public void Messages_name_the_kk_number()
    {
        var error = KkNumber.Parse("1671012411260001", Today).Errors.Single();
        error.Message.ShouldBe("Tanggal penerbitan KK 2026-11-24 ada di masa depan.");
        error.MessageEnglish.ShouldBe("The KK issue date 2026-11-24 is in the future.");
    }
}
