namespace Adminduk.Domain.Numbers;

/// <summary>The machine codes of number findings; each has a message in NumberMessages.resx and NumberMessages.en.resx.</summary>
public static class NumberIssueCodes
{
    public const string NikEmpty = "nik.empty";
    public const string NikNotDigits = "nik.not_digits";
    public const string NikLength = "nik.length";
    public const string NikProvinceUnknown = "nik.province_unknown";
    public const string NikRegencyUnknown = "nik.regency_unknown";
    public const string NikDistrictUnknown = "nik.district_unknown";
    public const string NikRegionAmbiguous = "nik.region_ambiguous";
    public const string NikRegionHistorical = "nik.region_historical";
    public const string NikBirthDateDay = "nik.birthdate_day";
    public const string NikBirthDateMonth = "nik.birthdate_month";
    public const string NikBirthDateInvalid = "nik.birthdate_invalid";
    public const string NikSerialZero = "nik.serial_zero";

    public const string KkEmpty = "kk.empty";
    public const string KkNotDigits = "kk.not_digits";
    public const string KkLength = "kk.length";
    public const string KkProvinceUnknown = "kk.province_unknown";
    public const string KkRegencyUnknown = "kk.regency_unknown";
    public const string KkDistrictUnknown = "kk.district_unknown";
    public const string KkRegionAmbiguous = "kk.region_ambiguous";
    public const string KkRegionHistorical = "kk.region_historical";
    public const string KkIssueDateInvalid = "kk.issuedate_invalid";
    public const string KkIssueDateFuture = "kk.issuedate_future";
    public const string KkSerialZero = "kk.serial_zero";

    public const string PhoneEmpty = "phone.empty";
    public const string PhoneInvalidCharacter = "phone.invalid_character";
    public const string PhonePlusPosition = "phone.plus_position";
    public const string PhoneMissingPrefix = "phone.missing_prefix";
    public const string PhoneIdNotMobile = "phone.id_not_mobile";
    public const string PhoneIdLength = "phone.id_length";
    public const string PhoneCountryCodeZero = "phone.country_code_zero";
    public const string PhoneInternationalLength = "phone.international_length";
    public const string PhoneTrunkZeroRemoved = "phone.trunk_zero_removed";

    public static IReadOnlyList<string> All { get; } =
    [
        NikEmpty, NikNotDigits, NikLength, NikProvinceUnknown, NikRegencyUnknown, NikDistrictUnknown, NikRegionAmbiguous,
        NikRegionHistorical, NikBirthDateDay, NikBirthDateMonth, NikBirthDateInvalid, NikSerialZero,
        KkEmpty, KkNotDigits, KkLength, KkProvinceUnknown, KkRegencyUnknown, KkDistrictUnknown, KkRegionAmbiguous,
        KkRegionHistorical, KkIssueDateInvalid, KkIssueDateFuture, KkSerialZero,
        PhoneEmpty, PhoneInvalidCharacter, PhonePlusPosition, PhoneMissingPrefix, PhoneIdNotMobile, PhoneIdLength,
        PhoneCountryCodeZero, PhoneInternationalLength, PhoneTrunkZeroRemoved,
    ];
}
