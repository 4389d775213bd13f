using System.Text.Json.Serialization;

namespace Adminduk.Domain.Documents;

/// <summary>The documents the office issues as PDF; stored with each issued document, so values never change.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentKind>))]
public enum DocumentKind
{
    /// <summary>Kutipan akta kelahiran (birth certificate).</summary>
    AktaKelahiran = 1,

    /// <summary>Kutipan akta kematian (death certificate).</summary>
    AktaKematian = 2,

    /// <summary>Kutipan akta perkawinan (marriage certificate, non-Muslim couples).</summary>
    AktaPerkawinan = 3,

    /// <summary>Kutipan akta perceraian (divorce certificate, non-Muslim couples).</summary>
    AktaPerceraian = 4,

    /// <summary>Kartu Keluarga with all members; a reissue supersedes the household's previous KK.</summary>
    KartuKeluarga = 5,

    /// <summary>Surat Keterangan Pindah WNI (SKPWNI), moving out of the city.</summary>
    SuratPindah = 6,

    /// <summary>Surat Keterangan Tempat Tinggal for foreigners holding a KITAS.</summary>
    Sktt = 7,

    /// <summary>Surat keterangan: temporary certificate while no e-KTP blank is available.</summary>
    Suket = 8,

    /// <summary>Tanda bukti pengambilan: receipt for a document handed over at the counter.</summary>
    PickupReceipt = 9,
}
