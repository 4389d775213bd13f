using Adminduk.Domain.Matching;

namespace Adminduk.Domain.Tests.Matching;

public class NameFoldingTests
{
    [Theory]
    [InlineData("SITI AMINAH", "Siti Aminah")]
    [InlineData("  siti   aminah ", "Siti Aminah")]
    [InlineData("Siti-Aminah", "Siti Aminah")]
    [InlineData("Sïtí Àmînah", "Siti Aminah")]
    [InlineData("Ma'ruf Amin", "Maruf Amin")]
    [InlineData("Ma`ruf Amin", "Maruf Amin")]
    [InlineData("Budi (Santoso)", "Budi Santoso")]
    [InlineData("Budi Santoso 2", "Budi Santoso")]
    [InlineData("AMINAH, SITI", "Siti Aminah")]
    public void Case_accents_punctuation_and_spacing_fold(string written, string same) =>
        NameFolding.Fold(written).ShouldBe(NameFolding.Fold(same));

    [Theory]
    [InlineData("H. Ahmad Dahlan", "ahmat dahlan")]
    [InlineData("H.Ahmad Dahlan", "ahmat dahlan")]
    [InlineData("Hj. Siti Aminah", "siti aminah")]
    [InlineData("HJ SITI AMINAH", "siti aminah")]
    [InlineData("KH. Ahmad Dahlan", "ahmat dahlan")]
    [InlineData("Drs. Budi Santoso", "budi santoso")]
    [InlineData("Dra. Endang Lestari", "endang lestari")]
    [InlineData("Dr. Budi Santoso", "budi santoso")]
    [InlineData("dr. Budi Santoso, Sp.A", "budi santoso")]
    [InlineData("Ir. Joko Widodo", "yoko widodo")]
    [InlineData("Prof. Dr. Ir. H. Budi Santoso, M.Sc.", "budi santoso")]
    [InlineData("Prof.Dr. Budi Santoso", "budi santoso")]
    [InlineData("Drs. H. Budi Santoso, M.Si.", "budi santoso")]
    [InlineData("Budi Santoso, S.Pd.", "budi santoso")]
    [InlineData("Budi Santoso, S. Pd.", "budi santoso")]
    [InlineData("Budi Santoso S.Pd.I", "budi santoso")]
    [InlineData("BUDI SANTOSO,SPD", "budi santoso")]
    [InlineData("Budi Santoso SPd", "budi santoso")]
    [InlineData("Budi Santoso, S.E.", "budi santoso")]
    [InlineData("Budi Santoso SE MM", "budi santoso")]
    [InlineData("Budi Santoso, S.H., M.H.", "budi santoso")]
    [InlineData("Budi Santoso, S.Kom.", "budi santoso")]
    [InlineData("Budi Santoso, M.M.", "budi santoso")]
    [InlineData("Budi Santoso, Amd.", "budi santoso")]
    [InlineData("Siti Aminah, A.Md.Keb.", "siti aminah")]
    [InlineData("Siti Aminah, Hj.", "siti aminah")]
    [InlineData("Budi Santoso, H.", "budi santoso")]
    [InlineData("Ny. Siti Aminah", "siti aminah")]
    [InlineData("Bpk. Budi Santoso", "budi santoso")]
    [InlineData("Alm. Budi Santoso", "budi santoso")]
    [InlineData("Ahmad bin Abdullah", "ahmat abdulah")]
    public void Titles_and_degrees_are_removed_before_and_after_the_name(string written, string folded) =>
        NameFolding.Fold(written).ToString().ShouldBe(folded);

    [Theory]
    [InlineData("Budi H.", "budi h")]
    [InlineData("Budi H", "budi h")]
    [InlineData("Dr", "dr")]
    [InlineData("Hj.", "hy")]
    [InlineData("Ir", "ir")]
    public void A_trailing_initial_stays_and_a_name_of_titles_only_is_kept(string written, string folded) =>
        NameFolding.Fold(written).ToString().ShouldBe(folded);

    [Theory]
    [InlineData("Muhammad Rizki")]
    [InlineData("Muhamad Rizki")]
    [InlineData("Mohammad Rizki")]
    [InlineData("Mohamad Rizki")]
    [InlineData("Mochammad Rizki")]
    [InlineData("Mochamad Rizki")]
    [InlineData("Mukhammad Rizki")]
    [InlineData("Muhammed Rizki")]
    [InlineData("Moh. Rizki")]
    [InlineData("Muh. Rizki")]
    [InlineData("Mhd. Rizki")]
    [InlineData("Mohd Rizki")]
    [InlineData("M. Rizki")]
    [InlineData("M Rizki")]
    [InlineData("M.Rizki")]
    [InlineData("H. M. Rizki")]
    [InlineData("Rizky Muhammad")]
    [InlineData("Rizqi Muhammad")]
    public void Muhammad_forms_fold_to_one(string written) =>
        NameFolding.Fold(written).Key.ShouldBe(NameFolding.Fold("Muhammad Rizki").Key);

    [Fact]
    public void A_lone_m_after_the_name_is_an_initial_not_muhammad() =>
        NameFolding.Fold("Rizki M.").ToString().ShouldBe("rizki m");

    [Theory]
    [InlineData("Nur Hidayah", "Noor Hidayah")]
    [InlineData("Nur Hidayah", "Nour Hidayah")]
    [InlineData("Nur Hidayah", "Nurul Hidayah")]
    [InlineData("Nur Hidayah", "Noer Hidayah")]
    [InlineData("Nurhayati", "Noorhayati")]
    [InlineData("Nurhayati", "Norhayati")]
    [InlineData("Abdul Rahman", "Abd. Rahman")]
    [InlineData("Abdul Rahman", "Abd Rahman")]
    [InlineData("Abdul Rahman", "Abdoel Rahman")]
    [InlineData("Abdul Rahman", "Abdurrahman")]
    [InlineData("Abdul Rahman", "Abdurahman")]
    [InlineData("Abdul Rahman", "Abdulrahman")]
    [InlineData("Abdul Aziz", "Abdulaziz")]
    [InlineData("Abdul Salam", "Abdussalam")]
    [InlineData("Abdullah", "Abdulah")]
    [InlineData("Siti Aminah", "St. Aminah")]
    [InlineData("Siti Aminah", "Sitti Aminah")]
    [InlineData("Siti Aminah", "Sity Aminah")]
    [InlineData("Ahmad Dahlan", "Achmad Dahlan")]
    [InlineData("Ahmad Dahlan", "Akhmad Dahlan")]
    [InlineData("Ahmad Dahlan", "Ahmat Dahlan")]
    public void Common_islamic_name_forms_fold(string a, string b) =>
        NameFolding.Fold(a).ShouldBe(NameFolding.Fold(b));

    [Theory]
    [InlineData("Sukarno", "Soekarno")]
    [InlineData("Joko", "Djoko")]
    [InlineData("Cipto", "Tjipto")]
    [InlineData("Yusuf", "Jusuf")]
    [InlineData("Yusuf", "Joesoef")]
    [InlineData("Suyono", "Soejono")]
    [InlineData("Cahyo", "Tjahjo")]
    [InlineData("Syahrir", "Sjahrir")]
    [InlineData("Nyoman", "Njoman")]
    [InlineData("Khairul", "Chairul")]
    [InlineData("Khairul", "Hairul")]
    [InlineData("Rahmat", "Rachmat")]
    [InlineData("Rahmat", "Rakhmat")]
    [InlineData("Rahmat", "Rahmad")]
    [InlineData("Ramadan", "Ramadhan")]
    [InlineData("Taufik", "Taufiq")]
    [InlineData("Hafiz", "Hafidz")]
    [InlineData("Syaiful", "Saiful")]
    [InlineData("Stefanus", "Stephanus")]
    [InlineData("Tomas", "Thomas")]
    [InlineData("Gani", "Ghani")]
    [InlineData("Fauzi", "Fauzie")]
    [InlineData("Fauzi", "Fauzy")]
    [InlineData("Hasan", "Hassan")]
    [InlineData("Widjaja", "Wijaya")]
    public void Old_and_variant_spellings_fold(string a, string b) =>
        NameFolding.Fold(a).ShouldBe(NameFolding.Fold(b));

    [Theory]
    [InlineData("Budi Santoso", "Santoso Budi")]
    [InlineData("Siti Aminah Rahmawati", "Rahmawati Siti Aminah")]
    public void Order_does_not_change_the_key(string a, string b)
    {
        NameFolding.Fold(a).Key.ShouldBe(NameFolding.Fold(b).Key);
        NameFolding.Fold(a).Joined.ShouldNotBe(NameFolding.Fold(b).Joined);
    }

    [Fact]
    public void Joined_form_is_the_same_for_split_and_compound_writing()
    {
        NameFolding.Fold("Nur Hayati").Joined.ShouldBe(NameFolding.Fold("Nurhayati").Joined);
        NameFolding.Fold("Nur Hayati").Key.ShouldNotBe(NameFolding.Fold("Nurhayati").Key);
    }

    [Theory]
    [InlineData("Rina", "Rini")]
    [InlineData("Hasan", "Husain")]
    [InlineData("Budi Santoso", "Budi Susanto")]
    [InlineData("Candra", "Chandra")]
    [InlineData("Yani", "Yanti")]
    public void Different_names_stay_different(string a, string b) =>
        NameFolding.Fold(a).ShouldNotBe(NameFolding.Fold(b));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".,-")]
    [InlineData("123")]
    public void Nothing_to_fold_gives_the_empty_name(string? written)
    {
        var folded = NameFolding.Fold(written);
        folded.IsEmpty.ShouldBeTrue();
        folded.ShouldBe(FoldedName.Empty);
        folded.Joined.ShouldBe("");
    }

    [Theory]
    [InlineData("oejang", "uyang")]
    [InlineData("djaja", "yaya")]
    [InlineData("tjokro", "cokro")]
    [InlineData("muhammad", "muhamat")]
    [InlineData("abdullah", "abdulah")]
    [InlineData("dewie", "dewi")]
    [InlineData("ramadhan", "ramadan")]
    public void Spelling_folds_single_tokens(string token, string folded) =>
        NameFolding.Spelling(token).ShouldBe(folded);
}
