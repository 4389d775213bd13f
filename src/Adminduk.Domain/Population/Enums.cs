namespace Adminduk.Domain.Population;

// Values follow the categories printed on the Indonesian KK; numbers are stored, so never renumber.
public enum Sex
{
    Male = 1,
    Female = 2,
}

public enum Religion
{
    Islam = 1,
    Kristen = 2,
    Katolik = 3,
    Hindu = 4,
    Buddha = 5,
    Konghucu = 6,
    Kepercayaan = 7,
}

public enum MaritalStatus
{
    BelumKawin = 1,
    Kawin = 2,
    CeraiHidup = 3,
    CeraiMati = 4,
}

public enum Education
{
    TidakBelumSekolah = 1,
    BelumTamatSd = 2,
    Sd = 3,
    Sltp = 4,
    Slta = 5,
    DiplomaI = 6,
    DiplomaIii = 7,
    DiplomaIvStrataI = 8,
    StrataIi = 9,
    StrataIii = 10,
}

public enum RelationshipToHead
{
    KepalaKeluarga = 1,
    Suami = 2,
    Istri = 3,
    Anak = 4,
    Menantu = 5,
    Cucu = 6,
    OrangTua = 7,
    Mertua = 8,
    FamiliLain = 9,
    Pembantu = 10,
    Lainnya = 11,
}

public enum Citizenship
{
    Wni = 1,
    Wna = 2,
}

public enum ResidentStatus
{
    Alive = 1,
    Deceased = 2,
    MovedOut = 3,
}

public enum PopulationEventKind
{
    Birth = 1,
    Death = 2,
    Arrival = 3,
    Departure = 4,
    MoveWithinCity = 5,
    DataChange = 6,
    Marriage = 7,
    Divorce = 8,
    HouseholdChange = 9,
}
