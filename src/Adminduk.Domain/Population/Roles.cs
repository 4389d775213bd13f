namespace Adminduk.Domain.Population;

/// <summary>Account roles. The names are stored in the identity tables and used in authorization policies.</summary>
public static class Roles
{
    public const string Citizen = "citizen";
    public const string RtHead = "rt-head";
    public const string Operator = "operator";
    public const string Supervisor = "supervisor";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All = [Citizen, RtHead, Operator, Supervisor, Administrator];
}
