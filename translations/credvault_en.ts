<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApiClient</name>
    <message>
        <source>the %1&apos;s certificate is not trusted by this configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 gave an answer this app does not understand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 cannot be reached (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 refused your staff certificate: it has been revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 refused your staff certificate: it has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 refused your staff certificate: it is not from this deployment&apos;s staff CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no staff certificate is in use for the %1: sign out and in again to choose yours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryKinds</name>
    <message>
        <source>Server (SSH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password or private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::client::EntryModel</name>
    <message>
        <source>Sealed entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries could not be opened (sealed to another key, or damaged)</source>
        <translation>
            <numerusform>%n entry could not be opened (sealed to another key, or damaged)</numerusform>
            <numerusform>%n entries could not be opened (sealed to another key, or damaged)</numerusform>
        </translation>
    </message>
    <message>
        <source>no such entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccessHistoryDialog</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>Access history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries decrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This history is shorter than the one this computer saw before: events were removed from the keyserver&apos;s audit. Tell your hosting company&apos;s security contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This history differs from the one this computer saw before: past events were rewritten in the keyserver&apos;s audit. Tell your hosting company&apos;s security contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked with a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A support engineer unlocked: %1, reason &quot;%2&quot;, ticket %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries decrypted</source>
        <translation>
            <numerusform>%n entry decrypted</numerusform>
            <numerusform>%n entries decrypted</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked again: the notice could not be mailed to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock code sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock code withdrawn (the mail failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock code expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong unlock code typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong codes: unlocking blocked for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of the unlock e-mail requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of the unlock e-mail cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock e-mail changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You (through the vault server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unlock(s) recorded</source>
        <translation>
            <numerusform>%n unlock recorded</numerusform>
            <numerusform>%n unlocks recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by support</source>
        <translation>
            <numerusform>%n by support</numerusform>
            <numerusform>%n by support</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keyserver signed this history (%n event(s) in its whole log).</source>
        <translation>
            <numerusform>The keyserver signed this history (%n event in its whole log).</numerusform>
            <numerusform>The keyserver signed this history (%n events in its whole log).</numerusform>
        </translation>
    </message>
    <message>
        <source>open until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked %1 (after %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired %1 (after %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You, with a code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccessHistoryWatch</name>
    <message>
        <source>Access history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access history cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access history cannot be trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access history the server sent cannot be trusted: %1. Tell your hosting company&apos;s security contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access history has changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, reason &quot;%3&quot;, ticket %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support opened your vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A support engineer unlocked your vault and could read your entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you did not ask for this, contact your hosting company and quote the ticket. Account › Access history shows every unlock.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccountAuditView</name>
    <message>
        <source>Both servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: engineer, action, ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault server&apos;s audit could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit is not shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n events saved to %1.</source>
        <translation>
            <numerusform>%n event saved to %1.</numerusform>
            <numerusform>%n events saved to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit of this account is shorter than the one this computer saw before: events were removed. Tell your security team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit of this account differs from the one this computer saw before: past events were rewritten. Tell your security team.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccountTab</name>
    <message>
        <source>%1 — sign-in %2, %3
Account %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the keyserver…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock for support…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.</source>
        <translation type="unfinished">
            <numerusform>%1 copied. It leaves the clipboard in %n second, or when the vault locks.</numerusform>
            <numerusform>%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.</numerusform>
        </translation>
    </message>
    <message>
        <source>This customer has no vault yet: nothing to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyserver&apos;s state of this vault is unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write-only: no unlock address, so the customer cannot unlock; support can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock codes go to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices go to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: the vault becomes write-only on %1 (asked by %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: unlock codes go to %1 from %2 on (asked by %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s vault is unlocked for support until %2. The customer has been told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key this vault seals to is not the one this computer knows, or the two servers disagree on it. Nothing was sealed. Tell the security team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault&apos;s key could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry added to %1&apos;s vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry saved in %1&apos;s vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change unlock address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the pending change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin&apos;s certificate may change the unlock address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change is pending; the customer has been told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the pending change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unlock address of %1&apos;s vault stays as it is. The customer is told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pending change was cancelled; the customer has been told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s vault locked: the open editor was closed, nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::AppSettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::AppSettingsPage</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear copied fields after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this long without use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language (at the next start):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::AutoLock</name>
    <message>
        <source>Locked because the screen locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minutes without use.</source>
        <translation type="unfinished">
            <numerusform>Locked after %n minute without use.</numerusform>
            <numerusform>Locked after %n minutes without use.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>credvault::ui::CustomerMainWindow</name>
    <message>
        <source>CredVault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send me an unlock code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault has no unlock address: entries can be added and changed, not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries are sealed. Unlock codes for this vault go to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your remembered sign-in has ended. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s keychain did not keep the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a staff sign-in: use CredVault Support for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CredVault — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking this vault&apos;s key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault&apos;s key could not be checked, so nothing can be sealed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this vault&apos;s key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first time this computer opens this vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault has no unlock address: what you add can be read only after support sets one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock codes for it go to %1. If that is your address, this is your vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries will be sealed to its key %1. CredVault remembers it and warns you if it ever changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault&apos;s key is not trusted on this computer, so nothing can be added or changed. Sign in again to decide anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this vault&apos;s key is not the one this computer knows. Nothing is sealed to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s key has changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key this vault seals to is not the one this computer trusted before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone may be trying to read what you add. CredVault seals nothing to the new key. Unless your hosting company told you the key was replaced, keep refusing and call its support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted: %1
Now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep refusing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the new key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were signed out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in has ended (%1). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unlock code was sent to %1. It works once, until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked until %1. Lock now with Ctrl+L.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the entry?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this sealed entry?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is gone for everyone who uses this vault, support included. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault has no unlock address, so no code can be sent. Ask your hosting company&apos;s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes: ask for a new one in %n minutes.</source>
        <translation>
            <numerusform>Too many wrong codes: ask for a new one in %n minute.</numerusform>
            <numerusform>Too many wrong codes: ask for a new one in %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Several codes were sent a short while ago: ask again in %n minutes.</source>
        <translation>
            <numerusform>Several codes were sent a short while ago: ask again in %n minute.</numerusform>
            <numerusform>Several codes were sent a short while ago: ask again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keyserver could not send the mail; no code is live. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyserver cannot be reached just now; nothing was sent. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault locked: the open editor was closed, nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.</source>
        <translation>
            <numerusform>%1 copied. It leaves the clipboard in %n second, or when the vault locks.</numerusform>
            <numerusform>%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Password generator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Password copied. It leaves the clipboard in %n seconds.</source>
        <translation>
            <numerusform>Password copied. It leaves the clipboard in %n second.</numerusform>
            <numerusform>Password copied. It leaves the clipboard in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to copy: select an open entry that has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryBrowser</name>
    <message>
        <source>Search the unlocked entries (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryDetails</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the vault to see what this entry holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy to the clipboard (cleared again after a while and when the vault locks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryEditor</name>
    <message>
        <source>Add an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry is sealed: unlock the vault to change what it holds, or type a whole new version here to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is, e.g. &quot;web1 production&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address (URL):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the entry a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes are too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealing and saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this entry while you were editing it. Your changes are still here: Save again to replace their version with yours, or Cancel to keep theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry was deleted meanwhile; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry is too large to be sealed (at most 64 KiB in all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new random password for this entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryListProxy</name>
    <message>
        <source>Sealed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryTransfer</name>
    <message>
        <source>Export and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the vault first: an export holds every entry, so every entry must be open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key to seal the export to (SPKI PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public keys (*.pem *.pub);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CredVault exports (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That key cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be sealed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to %1, sealed to the key %2.</source>
        <translation>
            <numerusform>%n entry exported to %1, sealed to the key %2.</numerusform>
            <numerusform>%n entries exported to %1, sealed to the key %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing needs a trusted vault key: sign in and trust the key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CredVault exports and CSV files (*.json *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key the export is sealed to (PKCS#8 PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to import (at most 64 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a CredVault export: choose the private key it is sealed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That private key cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Add %n entries from %1 to your vault? Each is sealed to your vault&apos;s key as a new entry.</source>
        <translation>
            <numerusform>Add %n entry from %1 to your vault? Each is sealed to your vault&apos;s key as a new entry.</numerusform>
            <numerusform>Add %n entries from %1 to your vault? Each is sealed to your vault&apos;s key as a new entry.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 entries were imported; then: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries imported.</source>
        <translation>
            <numerusform>%n entry imported.</numerusform>
            <numerusform>%n entries imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>credvault::ui::LockStatusWidget</name>
    <message>
        <source>Locked — entries are sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries can be added and changed, but not read, until the vault is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked until %1 (%2 left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault locks by itself at %1, or when you lock it or sign out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::PasswordGeneratorDialog</name>
    <message>
        <source>Generate a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw another password with these options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower-case letters (a–z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital letters (A–Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits (0–9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbols (!#$%…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out look-alikes (0 O o 1 l I |)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pronounceable (syllables, one digit, one capital)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one kind of character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bits of entropy: %1</source>
        <translation>
            <numerusform>%n bit of entropy: %1</numerusform>
            <numerusform>%n bits of entropy: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>credvault::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in (authenticator app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: signing in asks for a code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: signing in needs only your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up a new authenticator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret (type it into the app):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or this link (otpauth):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from the app:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your current password and the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password and its repetition differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password is the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password is changed. Every other computer signed in with it must sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password to set up two-step sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in cannot be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the secret to your authenticator app, then type the code it shows. Nothing changes until the code is confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code does not match. Check the app&apos;s clock and type the code it shows now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in was not set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in is on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::SignInDialog</name>
    <message>
        <source>Sign in to CredVault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The sign-in name or password is wrong (%n tries left before a pause).</source>
        <translation>
            <numerusform>The sign-in name or password is wrong (%n try left before a pause).</numerusform>
            <numerusform>The sign-in name or password is wrong (%n tries left before a pause).</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the six-digit code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator code is wrong or was already used; wait for the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins: try again in %n seconds.</source>
        <translation>
            <numerusform>Too many failed sign-ins: try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins: try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>This sign-in is disabled. Ask your hosting company&apos;s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your sign-in name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::StaffCertificateDialog</name>
    <message>
        <source>Staff certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocks for support go through the keyserver&apos;s staff channel, which knows you by your staff certificate. Choose its file (.p12) and type its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in this computer&apos;s keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is not right for this certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a staff certificate (a PKCS#12 file, .p12).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This staff certificate has expired: ask an admin for a new one. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This staff certificate is not valid yet, or this computer&apos;s clock is wrong. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a staff certificate: it has no support or admin role. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the keyserver…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate is not made for signing in to a server. Ask an admin for a staff certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This staff certificate is %1&apos;s, but you signed in as %2. Choose your own certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an admin&apos;s certificate, but %1 signs in as support. Ask an admin to set your role or to issue a support certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::SupportMainWindow</name>
    <message>
        <source>CredVault Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a customer by name, sign-in name, e-mail or account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a customer&apos;s sign-in. This app is for the support team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1. Now the staff certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 without a staff certificate: customers can be found, but no vault can be unlocked. Sign out and in again to choose it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2), with the staff certificate of %3, valid until %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign-in disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customers found.</source>
        <translation>
            <numerusform>%n customer found.</numerusform>
            <numerusform>%n customers found.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not keep the passphrase: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::SupportUnlockDialog</name>
    <message>
        <source>Unlock for support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock %1&apos;s vault to read its entries. %1 is e-mailed at once with your name, the reason and the ticket, and the unlock is on the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer asked for, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The support ticket, like T-4711</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking and telling the customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer could not be told by e-mail, so the vault stays locked. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::UnlockDialog</name>
    <message>
        <source>Unlock the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the unlock code from the e-mail: 12 letters and digits, like ABCD-EFGH-JKMN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the unlock code sent to %1: 12 letters and digits, like ABCD-EFGH-JKMN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not an unlock code: it has 12 letters and digits, like ABCD-EFGH-JKMN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The code is not right (%n tries left).</source>
        <translation>
            <numerusform>The code is not right (%n try left).</numerusform>
            <numerusform>The code is not right (%n tries left).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes: the code is void. Ask for a new one in %n minutes.</source>
        <translation>
            <numerusform>Too many wrong codes: the code is void. Ask for a new one in %n minute.</numerusform>
            <numerusform>Too many wrong codes: the code is void. Ask for a new one in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no live code for this vault. Ask for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::UnlockEmailDialog</name>
    <message>
        <source>Change the unlock address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where %1&apos;s unlock codes go. The old, the new and the notice address are told at once; the change takes effect after the keyserver&apos;s delay and can be cancelled until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send unlock codes to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unlock address: the vault becomes write-only (only support can unlock it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. called back on the number on file, ticket T-4711</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the customer was &amp;verified:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the keyserver…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin&apos;s certificate may change the unlock address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credvault::ui::VaultMainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;Server credentials, sealed on this computer before they leave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
