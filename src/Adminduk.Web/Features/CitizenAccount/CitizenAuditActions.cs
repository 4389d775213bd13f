namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Audit action names of citizen accounts (sign-in itself uses the account feature's names).</summary>
public static class CitizenAuditActions
{
    public const string AccountCreated = "citizen.account-created";
    public const string IdentityLinked = "citizen.identity-linked";
    public const string IdentityLinkedProvisionally = "citizen.identity-linked-provisional";
    public const string IdentityLinkFailed = "citizen.identity-link-failed";
    public const string IdentityLinkCodeSent = "citizen.identity-link-code-sent";
    public const string PhoneChanged = "resident.phone-changed";
}
