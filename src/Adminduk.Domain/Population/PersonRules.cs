namespace Adminduk.Domain.Population;

/// <summary>Rules about people that the services apply (ages, KTP eligibility, parenthood).</summary>
public static class PersonRules
{
    /// <summary>Age at which an e-KTP is issued (UU 24/2013 as amended): 17, or younger when married or ever married.</summary>
    public const int KtpAge = 17;

    /// <summary>A parent younger than this at the child's birth is implausible and needs a human look.</summary>
    public const int MinimumParentAge = 15;

    /// <summary>Older than this at the child's birth is implausible for a mother.</summary>
    public const int MaximumMotherAge = 60;

    /// <summary>Whole years completed on <paramref name="on"/>.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        // Someone born on 29 February turns a year older on 1 March in common years.
        if (on.Month < birthDate.Month || (on.Month == birthDate.Month && on.Day < birthDate.Day))
        {
            age--;
        }

        return age;
    }

    public static bool MayHoldKtp(DateOnly birthDate, MaritalStatus maritalStatus, DateOnly today) =>
        AgeOn(birthDate, today) >= KtpAge || maritalStatus != MaritalStatus.BelumKawin;

    /// <summary>Whether a parent born on <paramref name="parentBirthDate"/> can plausibly have a child born on <paramref name="childBirthDate"/>.</summary>
    public static bool IsPlausibleParent(DateOnly parentBirthDate, DateOnly childBirthDate, Sex parentSex)
    {
        var age = AgeOn(parentBirthDate, childBirthDate);
        return age >= MinimumParentAge && (parentSex != Sex.Female || age <= MaximumMotherAge);
    }
}
