namespace Adminduk.Web.Data;

/// <summary>
/// The last serial handed out for a 12-digit NIK or KK prefix (district + date). One row per prefix, bumped by an
/// UPDATE, so two approvals at once (even on two instances) never get the same number.
/// </summary>
public class NumberSerial
{
    /// <summary>"nik:" or "kk:" followed by the 12 digits before the serial.</summary>
    public required string Prefix { get; set; }

    public int Last { get; set; }
}
