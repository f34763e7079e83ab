<#
.SYNOPSIS
  Exchange Online: send outgoing mail through mamori and take it back, without a loop (docs/cloud-mail.md).

.DESCRIPTION
  Creates, in this order:
    1. an outbound connector to mamori (smart host, TLS with the certificate's name checked), used only when a
       mail flow rule sends mail to it;
    2. an inbound connector for the mail mamori gives back, accepted only from mamori's IP addresses and over TLS
       (ConnectorType OnPremises: Exchange Online treats it as your organization's mail and sends it on);
    3. a mail flow rule: mail from inside the organization to outside goes to that connector, EXCEPT mail that
       comes from mamori's IP addresses (the way back) - this exception is what stops the loop.
  Run it in PowerShell 7 with the ExchangeOnlineManagement module, as an Exchange administrator. Nothing here was
  run against a real tenant by the test suite: tests/gateway/test_cloud_connector.py checks that each command
  carries the parameters below, and runs the same mail flow against a Postfix configured the same way.
  Start with -RuleMode Audit (the rule is evaluated and logged, mail is not routed), then Enforce.

.EXAMPLE
  ./mamori-connectors.ps1 -MamoriHost mamori.contoso.co.jp -MamoriIp 203.0.113.25 -RuleMode Audit
#>
param(
    [Parameter(Mandatory = $true)] [string] $MamoriHost,       # the smart host name, as in mamori's certificate
    [Parameter(Mandatory = $true)] [string[]] $MamoriIp,       # the public address(es) mamori sends from
    [ValidateSet("Audit", "Enforce")] [string] $RuleMode = "Audit"
)
$ErrorActionPreference = "Stop"
Connect-ExchangeOnline

# 1. Office 365 -> mamori (partner organization, smart host, only through the rule below)
New-OutboundConnector -Name "mamori outbound" -ConnectorType Partner -IsTransportRuleScoped $true `
    -UseMXRecord $false -SmartHosts $MamoriHost -TlsSettings DomainValidation -TlsDomain $MamoriHost `
    -Comment "mail to outside the organization, checked by mamori" -Enabled $true

# 2. mamori -> Office 365 (your organization's email server, identified by its IP address, TLS required)
New-InboundConnector -Name "mamori return" -ConnectorType OnPremises -SenderDomains "*" `
    -SenderIPAddresses $MamoriIp -RequireTls $true `
    -Comment "mail mamori allowed or released; never routed back to mamori" -Enabled $true

# 3. the rule: outside-bound mail goes through mamori once; what comes back from mamori does not go again
New-TransportRule -Name "mamori: outgoing mail through mamori" -Priority 0 -Mode $RuleMode `
    -FromScope InOrganization -SentToScope NotInOrganization `
    -RouteMessageOutboundConnector "mamori outbound" `
    -ExceptIfSenderIpRanges $MamoriIp `
    -Comments "loop guard: the exception for mamori's addresses"
