<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ApiClient</name>
    <message>
        <source>the %1&apos;s certificate is not trusted by this configuration</source>
        <translation>der %1 legt ein Zertifikat vor, dem diese Konfiguration nicht vertraut</translation>
    </message>
    <message>
        <source>the %1 refused your staff certificate: it has been revoked</source>
        <translation>der %1 hat Ihr Mitarbeiterzertifikat abgelehnt: es wurde widerrufen</translation>
    </message>
    <message>
        <source>the %1 refused your staff certificate: it has expired</source>
        <translation>der %1 hat Ihr Mitarbeiterzertifikat abgelehnt: es ist abgelaufen</translation>
    </message>
    <message>
        <source>the %1 refused your staff certificate: it is not from this deployment&apos;s staff CA</source>
        <translation>der %1 hat Ihr Mitarbeiterzertifikat abgelehnt: es stammt nicht von der Mitarbeiter-CA dieser Installation</translation>
    </message>
    <message>
        <source>the %1 did not answer in time</source>
        <translation>der %1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the %1 gave an answer this app does not understand</source>
        <translation>der %1 hat eine Antwort gegeben, die diese App nicht versteht</translation>
    </message>
    <message>
        <source>the %1 cannot be reached (%2)</source>
        <translation>der %1 ist nicht erreichbar (%2)</translation>
    </message>
    <message>
        <source>no staff certificate is in use for the %1: sign out and in again to choose yours</source>
        <translation>für den %1 ist kein Mitarbeiterzertifikat in Gebrauch: melden Sie sich ab und wieder an, um Ihres zu wählen</translation>
    </message>
</context>
<context>
    <name>EntryKinds</name>
    <message>
        <source>Server (SSH)</source>
        <translation>Server (SSH)</translation>
    </message>
    <message>
        <source>Password or private key</source>
        <translation>Passwort oder privater Schlüssel</translation>
    </message>
    <message>
        <source>Control panel</source>
        <translation>Verwaltungsoberfläche</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>FTP</source>
        <translation>FTP</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
</context>
<context>
    <name>credvault::client::EntryModel</name>
    <message>
        <source>Sealed entry</source>
        <translation>Versiegelter Eintrag</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>Tresor-Server</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>Schlüsselserver</translation>
    </message>
    <message numerus="yes">
        <source>%n entries could not be opened (sealed to another key, or damaged)</source>
        <translation>
            <numerusform>%n Eintrag konnte nicht geöffnet werden (mit einem anderen Schlüssel versiegelt oder beschädigt)</numerusform>
            <numerusform>%n Einträge konnten nicht geöffnet werden (mit einem anderen Schlüssel versiegelt oder beschädigt)</numerusform>
        </translation>
    </message>
    <message>
        <source>no such entry</source>
        <translation>diesen Eintrag gibt es nicht</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccessHistoryDialog</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Access history</source>
        <translation>Zugriffsverlauf</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Durch</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Entries decrypted</source>
        <translation>Entschlüsselte Einträge</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Unlocks</source>
        <translation>Entsperrungen</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>This history is shorter than the one this computer saw before: events were removed from the keyserver&apos;s audit. Tell your hosting company&apos;s security contact.</source>
        <translation>Dieser Verlauf ist kürzer als der, den dieser Computer zuvor gesehen hat: Aus dem Prüfprotokoll des Schlüsselservers wurden Ereignisse entfernt. Wenden Sie sich an den Sicherheitskontakt Ihres Hosting-Anbieters.</translation>
    </message>
    <message>
        <source>This history differs from the one this computer saw before: past events were rewritten in the keyserver&apos;s audit. Tell your hosting company&apos;s security contact.</source>
        <translation>Dieser Verlauf weicht von dem ab, den dieser Computer zuvor gesehen hat: Frühere Ereignisse im Prüfprotokoll des Schlüsselservers wurden umgeschrieben. Wenden Sie sich an den Sicherheitskontakt Ihres Hosting-Anbieters.</translation>
    </message>
    <message>
        <source>Unlocked with a code</source>
        <translation>Mit einem Code entsperrt</translation>
    </message>
    <message>
        <source>A support engineer unlocked: %1, reason &quot;%2&quot;, ticket %3</source>
        <translation>Ein Support-Mitarbeiter hat entsperrt: %1, Grund „%2“, Ticket %3</translation>
    </message>
    <message numerus="yes">
        <source>%n entries decrypted</source>
        <translation>
            <numerusform>%n Eintrag entschlüsselt</numerusform>
            <numerusform>%n Einträge entschlüsselt</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked again: the notice could not be mailed to you</source>
        <translation>Wieder gesperrt: Die Benachrichtigung konnte Ihnen nicht per E-Mail gesendet werden</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Unlock code sent</source>
        <translation>Entsperrcode gesendet</translation>
    </message>
    <message>
        <source>Unlock code withdrawn (the mail failed)</source>
        <translation>Entsperrcode zurückgezogen (E-Mail-Versand fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Unlock code expired</source>
        <translation>Entsperrcode abgelaufen</translation>
    </message>
    <message>
        <source>Wrong unlock code typed</source>
        <translation>Falscher Entsperrcode eingegeben</translation>
    </message>
    <message>
        <source>Too many wrong codes: unlocking blocked for a while</source>
        <translation>Zu viele falsche Codes: Entsperren vorübergehend blockiert</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Tresor angelegt</translation>
    </message>
    <message>
        <source>Change of the unlock e-mail requested</source>
        <translation>Änderung der Entsperradresse beantragt</translation>
    </message>
    <message>
        <source>Change of the unlock e-mail cancelled</source>
        <translation>Änderung der Entsperradresse zurückgenommen</translation>
    </message>
    <message>
        <source>Unlock e-mail changed</source>
        <translation>Entsperradresse geändert</translation>
    </message>
    <message>
        <source>Support: %1</source>
        <translation>Support: %1</translation>
    </message>
    <message>
        <source>You (through the vault server)</source>
        <translation>Sie (über den Tresor-Server)</translation>
    </message>
    <message>
        <source>The keyserver</source>
        <translation>Der Schlüsselserver</translation>
    </message>
    <message numerus="yes">
        <source>%n unlock(s) recorded</source>
        <translation>
            <numerusform>%n Entsperrung erfasst</numerusform>
            <numerusform>%n Entsperrungen erfasst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by support</source>
        <translation>
            <numerusform>%n durch den Support</numerusform>
            <numerusform>%n durch den Support</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keyserver signed this history (%n event(s) in its whole log).</source>
        <translation>
            <numerusform>Der Schlüsselserver hat diesen Verlauf signiert (%n Ereignis in seinem gesamten Protokoll).</numerusform>
            <numerusform>Der Schlüsselserver hat diesen Verlauf signiert (%n Ereignisse in seinem gesamten Protokoll).</numerusform>
        </translation>
    </message>
    <message>
        <source>open until %1</source>
        <translation>offen bis %1</translation>
    </message>
    <message>
        <source>locked %1 (after %2)</source>
        <translation>gesperrt am %1 (nach %2)</translation>
    </message>
    <message>
        <source>expired %1 (after %2)</source>
        <translation>abgelaufen am %1 (nach %2)</translation>
    </message>
    <message>
        <source>You, with a code</source>
        <translation>Sie, mit einem Code</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccessHistoryWatch</name>
    <message>
        <source>Access history</source>
        <translation>Zugriffsverlauf</translation>
    </message>
    <message>
        <source>The access history cannot be shown: %1</source>
        <translation>Der Zugriffsverlauf kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Access history cannot be trusted</source>
        <translation>Dem Zugriffsverlauf kann nicht vertraut werden</translation>
    </message>
    <message>
        <source>The access history the server sent cannot be trusted: %1. Tell your hosting company&apos;s security contact.</source>
        <translation>Dem vom Server gesendeten Zugriffsverlauf kann nicht vertraut werden: %1. Wenden Sie sich an den Sicherheitskontakt Ihres Hosting-Anbieters.</translation>
    </message>
    <message>
        <source>The access history has changed</source>
        <translation>Der Zugriffsverlauf hat sich geändert</translation>
    </message>
    <message>
        <source>%1: %2, reason &quot;%3&quot;, ticket %4</source>
        <translation>%1: %2, Grund „%3“, Ticket %4</translation>
    </message>
    <message>
        <source>Support opened your vault</source>
        <translation>Der Support hat Ihren Tresor geöffnet</translation>
    </message>
    <message>
        <source>A support engineer unlocked your vault and could read your entries:</source>
        <translation>Ein Support-Mitarbeiter hat Ihren Tresor entsperrt und konnte Ihre Einträge lesen:</translation>
    </message>
    <message>
        <source>If you did not ask for this, contact your hosting company and quote the ticket. Account › Access history shows every unlock.</source>
        <translation>Falls Sie das nicht veranlasst haben, wenden Sie sich an Ihren Hosting-Anbieter und nennen Sie das Ticket. Konto › Zugriffsverlauf zeigt jede Entsperrung.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccountAuditView</name>
    <message>
        <source>Both servers</source>
        <translation>Beide Server</translation>
    </message>
    <message>
        <source>Keyserver</source>
        <translation>Schlüsselserver</translation>
    </message>
    <message>
        <source>Vault server</source>
        <translation>Tresor-Server</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Der Kunde</translation>
    </message>
    <message>
        <source>Support staff</source>
        <translation>Support-Mitarbeiter</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>The system</source>
        <translation>Das System</translation>
    </message>
    <message>
        <source>Filter: engineer, action, ticket…</source>
        <translation>Filter: Mitarbeiter, Aktion, Ticket…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit could not be read: %1</source>
        <translation>Das Prüfprotokoll des Schlüsselservers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>Schlüsselserver</translation>
    </message>
    <message>
        <source>The vault server&apos;s audit could not be read: %1</source>
        <translation>Das Prüfprotokoll des Tresor-Servers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>Tresor-Server</translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit is not shown: %1</source>
        <translation>Das Prüfprotokoll des Schlüsselservers wird nicht angezeigt: %1</translation>
    </message>
    <message>
        <source>Export the audit</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n events saved to %1.</source>
        <translation>
            <numerusform>%n Ereignis in %1 gespeichert.</numerusform>
            <numerusform>%n Ereignisse in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit of this account is shorter than the one this computer saw before: events were removed. Tell your security team.</source>
        <translation>Das Prüfprotokoll des Schlüsselservers für dieses Konto ist kürzer als das, welches dieser Computer zuvor gesehen hat: Ereignisse wurden entfernt. Informieren Sie Ihr Sicherheitsteam.</translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit of this account differs from the one this computer saw before: past events were rewritten. Tell your security team.</source>
        <translation>Das Prüfprotokoll des Schlüsselservers für dieses Konto weicht von dem ab, welches dieser Computer zuvor gesehen hat: vergangene Ereignisse wurden umgeschrieben. Informieren Sie Ihr Sicherheitsteam.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccountTab</name>
    <message>
        <source>%1 — sign-in %2, %3
Account %4</source>
        <translation>%1 — Anmeldename %2, %3
Konto %4</translation>
    </message>
    <message>
        <source>Asking the keyserver…</source>
        <translation>Schlüsselserver wird abgefragt…</translation>
    </message>
    <message>
        <source>Change unlock address…</source>
        <translation>Entsperradresse ändern…</translation>
    </message>
    <message>
        <source>Cancel the pending change…</source>
        <translation>Ausstehende Änderung zurücknehmen…</translation>
    </message>
    <message>
        <source>Unlock for support…</source>
        <translation>Für den Support entsperren…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
    <message>
        <source>&amp;Add entry…</source>
        <translation>Eintrag &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit entry…</source>
        <translation>Eintrag &amp;bearbeiten…</translation>
    </message>
    <message numerus="yes">
        <source>%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.</source>
        <translation>
            <numerusform>%1 kopiert. Die Zwischenablage wird in %n Sekunde geleert oder sobald der Tresor gesperrt wird.</numerusform>
            <numerusform>%1 kopiert. Die Zwischenablage wird in %n Sekunden geleert oder sobald der Tresor gesperrt wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>This customer has no vault yet: nothing to unlock.</source>
        <translation>Dieser Kunde hat noch keinen Tresor: Es gibt nichts zu entsperren.</translation>
    </message>
    <message>
        <source>The keyserver&apos;s state of this vault is unknown: %1</source>
        <translation>Der Zustand dieses Tresors beim Schlüsselserver ist unbekannt: %1</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>Schlüsselserver</translation>
    </message>
    <message>
        <source>Write-only: no unlock address, so the customer cannot unlock; support can.</source>
        <translation>Nur beschreibbar: keine Entsperradresse, daher kann der Kunde nicht entsperren, der Support aber schon.</translation>
    </message>
    <message>
        <source>Unlock codes go to %1.</source>
        <translation>Entsperrcodes gehen an %1.</translation>
    </message>
    <message>
        <source>Notices go to %1.</source>
        <translation>Benachrichtigungen gehen an %1.</translation>
    </message>
    <message>
        <source>Pending: the vault becomes write-only on %1 (asked by %2).</source>
        <translation>Ausstehend: Der Tresor wird am %1 nur beschreibbar (beantragt von %2).</translation>
    </message>
    <message>
        <source>Pending: unlock codes go to %1 from %2 on (asked by %3).</source>
        <translation>Ausstehend: Entsperrcodes gehen ab %2 an %1 (beantragt von %3).</translation>
    </message>
    <message>
        <source>Only an admin&apos;s certificate may change the unlock address.</source>
        <translation>Nur mit dem Zertifikat eines Administrators kann die Entsperradresse geändert werden.</translation>
    </message>
    <message>
        <source>Nothing can be sealed</source>
        <translation>Es kann nichts versiegelt werden</translation>
    </message>
    <message>
        <source>The key this vault seals to is not the one this computer knows, or the two servers disagree on it. Nothing was sealed. Tell the security team.</source>
        <translation>Der Schlüssel, mit dem dieser Tresor versiegelt, ist nicht der, den dieser Computer kennt, oder die beiden Server sind sich über ihn uneinig. Es wurde nichts versiegelt. Informieren Sie das Sicherheitsteam.</translation>
    </message>
    <message>
        <source>This vault&apos;s key could not be checked: %1</source>
        <translation>Der Schlüssel dieses Tresors konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>Tresor-Server</translation>
    </message>
    <message>
        <source>Entry added to %1&apos;s vault.</source>
        <translation>Eintrag zum Tresor von %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Entry saved in %1&apos;s vault.</source>
        <translation>Eintrag im Tresor von %1 gespeichert.</translation>
    </message>
    <message>
        <source>The change is pending; the customer has been told.</source>
        <translation>Die Änderung steht aus; der Kunde wurde benachrichtigt.</translation>
    </message>
    <message>
        <source>Cancel the pending change?</source>
        <translation>Ausstehende Änderung zurücknehmen?</translation>
    </message>
    <message>
        <source>The unlock address of %1&apos;s vault stays as it is. The customer is told.</source>
        <translation>Die Entsperradresse des Tresors von %1 bleibt unverändert. Der Kunde wird benachrichtigt.</translation>
    </message>
    <message>
        <source>Cancel the change</source>
        <translation>Änderung zurücknehmen</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Beibehalten</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Nicht zurückgenommen: %1</translation>
    </message>
    <message>
        <source>The pending change was cancelled; the customer has been told.</source>
        <translation>Die ausstehende Änderung wurde zurückgenommen; der Kunde wurde benachrichtigt.</translation>
    </message>
    <message>
        <source>%1&apos;s vault is unlocked for support until %2. The customer has been told.</source>
        <translation>Der Tresor von %1 ist bis %2 Uhr für den Support entsperrt. Der Kunde wurde benachrichtigt.</translation>
    </message>
    <message>
        <source>%1&apos;s vault locked: the open editor was closed, nothing was saved.</source>
        <translation>Der Tresor von %1 wurde gesperrt: Der geöffnete Editor wurde geschlossen, nichts wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AppSettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AppSettingsPage</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Clear copied fields after:</source>
        <translation>Kopierte Felder löschen nach:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Lock after this long without use:</source>
        <translation>Sperren nach so langer Nichtbenutzung:</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Language (at the next start):</source>
        <translation>Sprache (ab dem nächsten Start):</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AutoLock</name>
    <message>
        <source>Locked because the screen locked.</source>
        <translation>Gesperrt, weil der Bildschirm gesperrt wurde.</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minutes without use.</source>
        <translation>
            <numerusform>Nach %n Minute ohne Nutzung gesperrt.</numerusform>
            <numerusform>Nach %n Minuten ohne Nutzung gesperrt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>credvault::ui::CustomerMainWindow</name>
    <message>
        <source>CredVault</source>
        <translation>CredVault</translation>
    </message>
    <message>
        <source>Send me an unlock code</source>
        <translation>Entsperrcode zusenden</translation>
    </message>
    <message>
        <source>Enter code</source>
        <translation>Code eingeben</translation>
    </message>
    <message numerus="yes">
        <source>%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.</source>
        <translation>
            <numerusform>%1 kopiert. Die Zwischenablage wird in %n Sekunde geleert oder sobald der Tresor gesperrt wird.</numerusform>
            <numerusform>%1 kopiert. Die Zwischenablage wird in %n Sekunden geleert oder sobald der Tresor gesperrt wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>&amp;Eintrag</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Nothing to copy: select an open entry that has it.</source>
        <translation>Nichts zu kopieren: Wählen Sie einen geöffneten Eintrag, der dieses Feld enthält.</translation>
    </message>
    <message>
        <source>Copy &amp;user name</source>
        <translation>Ben&amp;utzernamen kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;secret</source>
        <translation>&amp;Geheimnis kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation>&amp;Adresse kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;host</source>
        <translation>H&amp;ost kopieren</translation>
    </message>
    <message>
        <source>&amp;Password generator…</source>
        <translation>&amp;Passwortgenerator…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Access &amp;history…</source>
        <translation>&amp;Zugriffsverlauf…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>The configuration cannot be used: %1</source>
        <translation>Die Konfiguration kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>This vault has no unlock address: entries can be added and changed, not read.</source>
        <translation>Dieser Tresor hat keine Entsperradresse: Einträge können hinzugefügt und geändert, aber nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Entries are sealed. Unlock codes for this vault go to %1.</source>
        <translation>Die Einträge sind versiegelt. Entsperrcodes für diesen Tresor gehen an %1.</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Anmeldung als %1…</translation>
    </message>
    <message>
        <source>Your remembered sign-in has ended. Sign in again.</source>
        <translation>Ihre gespeicherte Anmeldung ist nicht mehr gültig. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>Tresor-Server</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain did not keep the sign-in: %1</source>
        <translation>Der Schlüsselbund dieses Computers hat die Anmeldung nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1 is a staff sign-in: use CredVault Support for it.</source>
        <translation>%1 ist eine Mitarbeiter-Anmeldung: Verwenden Sie dafür CredVault Support.</translation>
    </message>
    <message>
        <source>CredVault — %1</source>
        <translation>CredVault — %1</translation>
    </message>
    <message>
        <source>Checking this vault&apos;s key…</source>
        <translation>Schlüssel dieses Tresors wird geprüft…</translation>
    </message>
    <message>
        <source>This vault&apos;s key could not be checked, so nothing can be sealed: %1</source>
        <translation>Der Schlüssel dieses Tresors konnte nicht geprüft werden, daher kann nichts versiegelt werden: %1</translation>
    </message>
    <message>
        <source>Trust this vault&apos;s key?</source>
        <translation>Dem Schlüssel dieses Tresors vertrauen?</translation>
    </message>
    <message>
        <source>This is the first time this computer opens this vault.</source>
        <translation>Dieser Computer öffnet diesen Tresor zum ersten Mal.</translation>
    </message>
    <message>
        <source>This vault has no unlock address: what you add can be read only after support sets one.</source>
        <translation>Dieser Tresor hat keine Entsperradresse: Was Sie hinzufügen, kann erst gelesen werden, nachdem der Support eine festgelegt hat.</translation>
    </message>
    <message>
        <source>Unlock codes for it go to %1. If that is your address, this is your vault.</source>
        <translation>Entsperrcodes für ihn gehen an %1. Wenn das Ihre Adresse ist, ist dies Ihr Tresor.</translation>
    </message>
    <message>
        <source>Entries will be sealed to its key %1. CredVault remembers it and warns you if it ever changes.</source>
        <translation>Einträge werden mit seinem Schlüssel %1 versiegelt. CredVault merkt sich diesen Schlüssel und warnt Sie, falls er sich jemals ändert.</translation>
    </message>
    <message>
        <source>Trust this key</source>
        <translation>Diesem Schlüssel vertrauen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>This vault&apos;s key is not trusted on this computer, so nothing can be added or changed. Sign in again to decide anew.</source>
        <translation>Dem Schlüssel dieses Tresors wird auf diesem Computer nicht vertraut, daher kann nichts hinzugefügt oder geändert werden. Melden Sie sich erneut an, um neu zu entscheiden.</translation>
    </message>
    <message>
        <source>Warning: this vault&apos;s key is not the one this computer knows. Nothing is sealed to it.</source>
        <translation>Warnung: Der Schlüssel dieses Tresors ist nicht der, den dieser Computer kennt. Es wird nichts damit versiegelt.</translation>
    </message>
    <message>
        <source>The vault&apos;s key has changed</source>
        <translation>Der Schlüssel des Tresors hat sich geändert</translation>
    </message>
    <message>
        <source>The key this vault seals to is not the one this computer trusted before.</source>
        <translation>Der Schlüssel, mit dem dieser Tresor versiegelt, ist nicht der, dem dieser Computer bisher vertraut hat.</translation>
    </message>
    <message>
        <source>Someone may be trying to read what you add. CredVault seals nothing to the new key. Unless your hosting company told you the key was replaced, keep refusing and call its support.</source>
        <translation>Möglicherweise versucht jemand mitzulesen, was Sie hinzufügen. CredVault versiegelt nichts mit dem neuen Schlüssel. Sofern Ihr Hosting-Anbieter Ihnen nicht mitgeteilt hat, dass der Schlüssel ersetzt wurde, lehnen Sie ihn weiterhin ab und rufen Sie dessen Support an.</translation>
    </message>
    <message>
        <source>Trusted: %1
Now: %2</source>
        <translation>Vertraut: %1
Jetzt: %2</translation>
    </message>
    <message>
        <source>Keep refusing</source>
        <translation>Weiterhin ablehnen</translation>
    </message>
    <message>
        <source>Trust the new key…</source>
        <translation>Dem neuen Schlüssel vertrauen…</translation>
    </message>
    <message>
        <source>You were signed out: %1</source>
        <translation>Sie wurden abgemeldet: %1</translation>
    </message>
    <message>
        <source>Your sign-in has ended (%1). Sign in again.</source>
        <translation>Ihre Anmeldung wurde beendet (%1). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>This vault has no unlock address, so no code can be sent. Ask your hosting company&apos;s support.</source>
        <translation>Dieser Tresor hat keine Entsperradresse, daher kann kein Code gesendet werden. Wenden Sie sich an den Support Ihres Hosting-Anbieters.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes: ask for a new one in %n minutes.</source>
        <translation>
            <numerusform>Zu viele falsche Codes: Fordern Sie in %n Minute einen neuen an.</numerusform>
            <numerusform>Zu viele falsche Codes: Fordern Sie in %n Minuten einen neuen an.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Several codes were sent a short while ago: ask again in %n minutes.</source>
        <translation>
            <numerusform>Vor Kurzem wurden bereits mehrere Codes gesendet: Fordern Sie in %n Minute erneut einen an.</numerusform>
            <numerusform>Vor Kurzem wurden bereits mehrere Codes gesendet: Fordern Sie in %n Minuten erneut einen an.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keyserver could not send the mail; no code is live. Try again later.</source>
        <translation>Der Schlüsselserver konnte die E-Mail nicht senden; es ist kein Code gültig. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The keyserver cannot be reached just now; nothing was sent. Try again later.</source>
        <translation>Der Schlüsselserver ist gerade nicht erreichbar; es wurde nichts gesendet. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>An unlock code was sent to %1. It works once, until %2.</source>
        <translation>Ein Entsperrcode wurde an %1 gesendet. Er gilt einmalig, bis %2 Uhr.</translation>
    </message>
    <message>
        <source>Unlocked until %1. Lock now with Ctrl+L.</source>
        <translation>Entsperrt bis %1 Uhr. Jetzt sperren mit Strg+L.</translation>
    </message>
    <message>
        <source>The vault locked: the open editor was closed, nothing was saved.</source>
        <translation>Der Tresor wurde gesperrt: Der geöffnete Editor wurde geschlossen, nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Password copied. It leaves the clipboard in %n seconds.</source>
        <translation>
            <numerusform>Passwort kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Passwort kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry added.</source>
        <translation>Eintrag hinzugefügt.</translation>
    </message>
    <message>
        <source>Entry saved.</source>
        <translation>Eintrag gespeichert.</translation>
    </message>
    <message>
        <source>Delete the entry?</source>
        <translation>Eintrag löschen?</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <source>Delete this sealed entry?</source>
        <translation>Diesen versiegelten Eintrag löschen?</translation>
    </message>
    <message>
        <source>It is gone for everyone who uses this vault, support included. This cannot be undone.</source>
        <translation>Der Eintrag verschwindet für alle, die diesen Tresor nutzen, auch für den Support. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Entry deleted.</source>
        <translation>Eintrag gelöscht.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryBrowser</name>
    <message>
        <source>Search the unlocked entries (Ctrl+F)</source>
        <translation>Entsperrte Einträge durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryDetails</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>Geheimnis:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Changed:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy to the clipboard (cleared again after a while and when the vault locks)</source>
        <translation>In die Zwischenablage kopieren (wird nach einer Weile und beim Sperren des Tresors wieder geleert)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>Kein Eintrag ausgewählt</translation>
    </message>
    <message>
        <source>Sealed entry</source>
        <translation>Versiegelter Eintrag</translation>
    </message>
    <message>
        <source>Unlock the vault to see what this entry holds.</source>
        <translation>Entsperren Sie den Tresor, um den Inhalt dieses Eintrags zu sehen.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryEditor</name>
    <message>
        <source>Add an entry</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Edit the entry</source>
        <translation>Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>This entry is sealed: unlock the vault to change what it holds, or type a whole new version here to replace it.</source>
        <translation>Dieser Eintrag ist versiegelt: Entsperren Sie den Tresor, um seinen Inhalt zu ändern, oder geben Sie hier eine komplett neue Fassung ein, die ihn ersetzt.</translation>
    </message>
    <message>
        <source>What it is, e.g. &quot;web1 production&quot;</source>
        <translation>Worum es sich handelt, z. B. „web1 Produktion“</translation>
    </message>
    <message>
        <source>Host name or address</source>
        <translation>Hostname oder Adresse</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation>Geheimnis anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>Erzeugen…</translation>
    </message>
    <message>
        <source>Make a new random password for this entry</source>
        <translation>Ein neues Zufallspasswort für diesen Eintrag erzeugen</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Address (URL):</source>
        <translation>Adresse (URL):</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Give the entry a title.</source>
        <translation>Geben Sie dem Eintrag einen Titel.</translation>
    </message>
    <message>
        <source>The notes are too long (at most %1 characters).</source>
        <translation>Die Notizen sind zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>Sealing and saving…</source>
        <translation>Wird versiegelt und gespeichert…</translation>
    </message>
    <message>
        <source>Someone else changed this entry while you were editing it. Your changes are still here: Save again to replace their version with yours, or Cancel to keep theirs.</source>
        <translation>Jemand anderes hat diesen Eintrag geändert, während Sie ihn bearbeitet haben. Ihre Änderungen sind noch vorhanden: Speichern Sie erneut, um die andere Fassung durch Ihre zu ersetzen, oder brechen Sie ab, um die andere zu behalten.</translation>
    </message>
    <message>
        <source>This entry was deleted meanwhile; nothing was saved.</source>
        <translation>Dieser Eintrag wurde inzwischen gelöscht; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The entry is too large to be sealed (at most 64 KiB in all).</source>
        <translation>Der Eintrag ist zu groß, um versiegelt zu werden (insgesamt höchstens 64 KiB).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>Tresor-Server</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryListProxy</name>
    <message>
        <source>Sealed</source>
        <translation>Versiegelt</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryTransfer</name>
    <message>
        <source>Export and import</source>
        <translation>Export und Import</translation>
    </message>
    <message>
        <source>Unlock the vault first: an export holds every entry, so every entry must be open.</source>
        <translation>Entsperren Sie zuerst den Tresor: Ein Export enthält jeden Eintrag, daher muss jeder Eintrag geöffnet sein.</translation>
    </message>
    <message>
        <source>The public key to seal the export to (SPKI PEM)</source>
        <translation>Der öffentliche Schlüssel, für den der Export versiegelt wird (SPKI PEM)</translation>
    </message>
    <message>
        <source>Public keys (*.pem *.pub);;All files (*)</source>
        <translation>Öffentliche Schlüssel (*.pem *.pub);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Export speichern</translation>
    </message>
    <message>
        <source>CredVault exports (*.json)</source>
        <translation>CredVault-Exporte (*.json)</translation>
    </message>
    <message>
        <source>That key cannot be used: %1</source>
        <translation>Dieser Schlüssel kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>The export could not be sealed: %1</source>
        <translation>Der Export konnte nicht versiegelt werden: %1</translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation>Der Export konnte nicht in %1 geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to %1, sealed to the key %2.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert, versiegelt für den Schlüssel %2.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert, versiegelt für den Schlüssel %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing needs a trusted vault key: sign in and trust the key first.</source>
        <translation>Für den Import ist ein vertrauenswürdiger Tresorschlüssel nötig: Melden Sie sich an und vertrauen Sie zuerst dem Schlüssel.</translation>
    </message>
    <message>
        <source>Import entries</source>
        <translation>Einträge importieren</translation>
    </message>
    <message>
        <source>CredVault exports and CSV files (*.json *.csv);;All files (*)</source>
        <translation>CredVault-Exporte und CSV-Dateien (*.json *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The private key the export is sealed to (PKCS#8 PEM)</source>
        <translation>Der private Schlüssel, für den der Export versiegelt ist (PKCS#8 PEM)</translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key);;All files (*)</source>
        <translation>Private Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large to import (at most 64 MiB).</source>
        <translation>%1 ist zu groß für den Import (höchstens 64 MiB).</translation>
    </message>
    <message>
        <source>%1 is a CredVault export: choose the private key it is sealed to.</source>
        <translation>%1 ist ein CredVault-Export: Wählen Sie den privaten Schlüssel, für den er versiegelt ist.</translation>
    </message>
    <message>
        <source>That private key cannot be used: %1</source>
        <translation>Dieser private Schlüssel kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation>Aus %1 wurde nichts importiert: %2</translation>
    </message>
    <message>
        <source>%1 holds no entries.</source>
        <translation>%1 enthält keine Einträge.</translation>
    </message>
    <message numerus="yes">
        <source>Add %n entries from %1 to your vault? Each is sealed to your vault&apos;s key as a new entry.</source>
        <translation>
            <numerusform>%n Eintrag aus %1 zu Ihrem Tresor hinzufügen? Er wird als neuer Eintrag mit dem Schlüssel Ihres Tresors versiegelt.</numerusform>
            <numerusform>%n Einträge aus %1 zu Ihrem Tresor hinzufügen? Jeder wird als neuer Eintrag mit dem Schlüssel Ihres Tresors versiegelt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>%1 of %2 entries were imported; then: %3</source>
        <translation>%1 von %2 Einträgen wurden importiert; danach: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n entries imported.</source>
        <translation>
            <numerusform>%n Eintrag importiert.</numerusform>
            <numerusform>%n Einträge importiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>credvault::ui::LockStatusWidget</name>
    <message>
        <source>Locked — entries are sealed</source>
        <translation>Gesperrt — Einträge sind versiegelt</translation>
    </message>
    <message>
        <source>Entries can be added and changed, but not read, until the vault is unlocked.</source>
        <translation>Bis der Tresor entsperrt ist, können Einträge hinzugefügt und geändert, aber nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Unlocked until %1 (%2 left)</source>
        <translation>Entsperrt bis %1 Uhr (noch %2)</translation>
    </message>
    <message>
        <source>The vault locks by itself at %1, or when you lock it or sign out.</source>
        <translation>Der Tresor sperrt sich um %1 Uhr von selbst oder wenn Sie ihn sperren oder sich abmelden.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::PasswordGeneratorDialog</name>
    <message>
        <source>Generate a password</source>
        <translation>Passwort erzeugen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Draw another password with these options</source>
        <translation>Ein weiteres Passwort mit diesen Optionen erzeugen</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Lower-case letters (a–z)</source>
        <translation>Kleinbuchstaben (a–z)</translation>
    </message>
    <message>
        <source>Capital letters (A–Z)</source>
        <translation>Großbuchstaben (A–Z)</translation>
    </message>
    <message>
        <source>Digits (0–9)</source>
        <translation>Ziffern (0–9)</translation>
    </message>
    <message>
        <source>Symbols (!#$%…)</source>
        <translation>Sonderzeichen (!#$%…)</translation>
    </message>
    <message>
        <source>Leave out look-alikes (0 O o 1 l I |)</source>
        <translation>Ähnlich aussehende Zeichen weglassen (0 O o 1 l I |)</translation>
    </message>
    <message>
        <source>Pronounceable (syllables, one digit, one capital)</source>
        <translation>Aussprechbar (Silben, eine Ziffer, ein Großbuchstabe)</translation>
    </message>
    <message>
        <source>Use this password</source>
        <translation>Dieses Passwort verwenden</translation>
    </message>
    <message>
        <source>Choose at least one kind of character.</source>
        <translation>Wählen Sie mindestens eine Zeichenart.</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>sehr stark</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message numerus="yes">
        <source>%n bits of entropy: %1</source>
        <translation>
            <numerusform>%n Bit Entropie: %1</numerusform>
            <numerusform>%n Bit Entropie: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>credvault::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>Neues Passwort wiederholen:</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Two-step sign-in (authenticator app)</source>
        <translation>Zweistufige Anmeldung (Authenticator-App)</translation>
    </message>
    <message>
        <source>On: signing in asks for a code from your authenticator app.</source>
        <translation>Ein: Bei der Anmeldung wird ein Code aus Ihrer Authenticator-App abgefragt.</translation>
    </message>
    <message>
        <source>Off: signing in needs only your password.</source>
        <translation>Aus: Für die Anmeldung genügt Ihr Passwort.</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>Ihr Passwort:</translation>
    </message>
    <message>
        <source>Set up a new authenticator…</source>
        <translation>Neuen Authenticator einrichten…</translation>
    </message>
    <message>
        <source>Set up…</source>
        <translation>Einrichten…</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 Ziffern</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Secret (type it into the app):</source>
        <translation>Geheimnis (in die App eingeben):</translation>
    </message>
    <message>
        <source>Or this link (otpauth):</source>
        <translation>Oder dieser Link (otpauth):</translation>
    </message>
    <message>
        <source>Code from the app:</source>
        <translation>Code aus der App:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Type your current password and the new one.</source>
        <translation>Geben Sie Ihr aktuelles und Ihr neues Passwort ein.</translation>
    </message>
    <message>
        <source>The new password and its repetition differ.</source>
        <translation>Das neue Passwort und seine Wiederholung stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The new password is the current one.</source>
        <translation>Das neue Passwort ist das aktuelle.</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Wird geändert…</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Das aktuelle Passwort ist nicht richtig.</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>Das Passwort wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>Tresor-Server</translation>
    </message>
    <message>
        <source>Your password is changed. Every other computer signed in with it must sign in again.</source>
        <translation>Ihr Passwort wurde geändert. Jeder andere Computer, der damit angemeldet ist, muss sich erneut anmelden.</translation>
    </message>
    <message>
        <source>Type your password to set up two-step sign-in.</source>
        <translation>Geben Sie Ihr Passwort ein, um die zweistufige Anmeldung einzurichten.</translation>
    </message>
    <message>
        <source>Your password is not right.</source>
        <translation>Ihr Passwort ist nicht richtig.</translation>
    </message>
    <message>
        <source>Two-step sign-in cannot be set up: %1</source>
        <translation>Die zweistufige Anmeldung kann nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <source>Add the secret to your authenticator app, then type the code it shows. Nothing changes until the code is confirmed.</source>
        <translation>Fügen Sie das Geheimnis Ihrer Authenticator-App hinzu und geben Sie dann den angezeigten Code ein. Bis der Code bestätigt ist, ändert sich nichts.</translation>
    </message>
    <message>
        <source>That code does not match. Check the app&apos;s clock and type the code it shows now.</source>
        <translation>Dieser Code passt nicht. Prüfen Sie die Uhrzeit der App und geben Sie den Code ein, den sie jetzt anzeigt.</translation>
    </message>
    <message>
        <source>Two-step sign-in was not set up: %1</source>
        <translation>Die zweistufige Anmeldung wurde nicht eingerichtet: %1</translation>
    </message>
    <message>
        <source>Two-step sign-in is on.</source>
        <translation>Die zweistufige Anmeldung ist eingeschaltet.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>credvault::ui::SignInDialog</name>
    <message>
        <source>Sign in to CredVault</source>
        <translation>Bei CredVault anmelden</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 Ziffern</translation>
    </message>
    <message>
        <source>Authenticator code:</source>
        <translation>Authenticator-Code:</translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation>Anmeldename:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message numerus="yes">
        <source>The sign-in name or password is wrong (%n tries left before a pause).</source>
        <translation>
            <numerusform>Anmeldename oder Passwort ist falsch (noch %n Versuch vor einer Pause).</numerusform>
            <numerusform>Anmeldename oder Passwort ist falsch (noch %n Versuche vor einer Pause).</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in name or password is wrong.</source>
        <translation>Anmeldename oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Enter the six-digit code from your authenticator app.</source>
        <translation>Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>The authenticator code is wrong or was already used; wait for the next one.</source>
        <translation>Der Authenticator-Code ist falsch oder wurde bereits verwendet; warten Sie auf den nächsten.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins: try again in %n seconds.</source>
        <translation>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen: Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen: Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>This sign-in is disabled. Ask your hosting company&apos;s support.</source>
        <translation>Diese Anmeldung ist deaktiviert. Wenden Sie sich an den Support Ihres Hosting-Anbieters.</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>Tresor-Server</translation>
    </message>
    <message>
        <source>Enter your sign-in name and password.</source>
        <translation>Geben Sie Ihren Anmeldenamen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>credvault::ui::StaffCertificateDialog</name>
    <message>
        <source>Staff certificate</source>
        <translation>Mitarbeiterzertifikat</translation>
    </message>
    <message>
        <source>Unlocks for support go through the keyserver&apos;s staff channel, which knows you by your staff certificate. Choose its file (.p12) and type its passphrase.</source>
        <translation>Entsperrungen für den Support laufen über den Mitarbeiterkanal des Schlüsselservers, der Sie an Ihrem Mitarbeiterzertifikat erkennt. Wählen Sie dessen Datei (.p12) und geben Sie seine Passphrase ein.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in this computer&apos;s keychain</source>
        <translation>Passphrase im Schlüsselbund dieses Computers &amp;merken</translation>
    </message>
    <message>
        <source>Use certificate</source>
        <translation>Zertifikat verwenden</translation>
    </message>
    <message>
        <source>The passphrase is not right for this certificate.</source>
        <translation>Die Passphrase passt nicht zu diesem Zertifikat.</translation>
    </message>
    <message>
        <source>The certificate file cannot be read: %1</source>
        <translation>Die Zertifikatsdatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This file is not a staff certificate (a PKCS#12 file, .p12).</source>
        <translation>Diese Datei ist kein Mitarbeiterzertifikat (eine PKCS#12-Datei, .p12).</translation>
    </message>
    <message>
        <source>This staff certificate has expired: ask an admin for a new one. (%1)</source>
        <translation>Dieses Mitarbeiterzertifikat ist abgelaufen: Bitten Sie einen Administrator um ein neues. (%1)</translation>
    </message>
    <message>
        <source>This staff certificate is not valid yet, or this computer&apos;s clock is wrong. (%1)</source>
        <translation>Dieses Mitarbeiterzertifikat ist noch nicht gültig, oder die Uhr dieses Computers geht falsch. (%1)</translation>
    </message>
    <message>
        <source>This is not a staff certificate: it has no support or admin role. (%1)</source>
        <translation>Dies ist kein Mitarbeiterzertifikat: Es hat weder die Support- noch die Administratorrolle. (%1)</translation>
    </message>
    <message>
        <source>This certificate is not made for signing in to a server. Ask an admin for a staff certificate.</source>
        <translation>Dieses Zertifikat ist nicht für die Anmeldung an einem Server bestimmt. Bitten Sie einen Administrator um ein Mitarbeiterzertifikat.</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>Schlüsselserver</translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12-Zertifikate (*.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Asking the keyserver…</source>
        <translation>Schlüsselserver wird abgefragt…</translation>
    </message>
    <message>
        <source>This staff certificate is %1&apos;s, but you signed in as %2. Choose your own certificate.</source>
        <translation>Dieses Mitarbeiterzertifikat gehört %1, Sie haben sich aber als %2 angemeldet. Wählen Sie Ihr eigenes Zertifikat.</translation>
    </message>
    <message>
        <source>This is an admin&apos;s certificate, but %1 signs in as support. Ask an admin to set your role or to issue a support certificate.</source>
        <translation>Dies ist ein Administrator-Zertifikat, aber %1 meldet sich als Support an. Bitten Sie einen Administrator, Ihre Rolle anzupassen oder ein Support-Zertifikat auszustellen.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::SupportMainWindow</name>
    <message>
        <source>CredVault Support</source>
        <translation>CredVault Support</translation>
    </message>
    <message>
        <source>Find a customer by name, sign-in name, e-mail or account id</source>
        <translation>Kunden nach Name, Anmeldename, E-Mail oder Konto-ID suchen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>The configuration cannot be used: %1</source>
        <translation>Die Konfiguration kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Anmeldung als %1…</translation>
    </message>
    <message>
        <source>%1 is a customer&apos;s sign-in. This app is for the support team.</source>
        <translation>%1 ist eine Kundenanmeldung. Diese App ist für das Support-Team bestimmt.</translation>
    </message>
    <message>
        <source>Signed in as %1. Now the staff certificate…</source>
        <translation>Als %1 angemeldet. Jetzt das Mitarbeiterzertifikat…</translation>
    </message>
    <message>
        <source>Signed in as %1 without a staff certificate: customers can be found, but no vault can be unlocked. Sign out and in again to choose it.</source>
        <translation>Als %1 ohne Mitarbeiterzertifikat angemeldet: Kunden können gesucht, aber keine Tresore entsperrt werden. Melden Sie sich ab und wieder an, um das Zertifikat auszuwählen.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2), with the staff certificate of %3, valid until %4.</source>
        <translation>Als %1 (%2) angemeldet, mit dem Mitarbeiterzertifikat von %3, gültig bis %4.</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>Tresor-Server</translation>
    </message>
    <message>
        <source>sign-in disabled</source>
        <translation>Anmeldung deaktiviert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keiner</translation>
    </message>
    <message numerus="yes">
        <source>%n customers found.</source>
        <translation>
            <numerusform>%n Kunde gefunden.</numerusform>
            <numerusform>%n Kunden gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keychain did not keep the passphrase: %1</source>
        <translation>Der Schlüsselbund hat die Passphrase nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>credvault::ui::SupportUnlockDialog</name>
    <message>
        <source>Unlock for support</source>
        <translation>Für den Support entsperren</translation>
    </message>
    <message>
        <source>Unlock %1&apos;s vault to read its entries. %1 is e-mailed at once with your name, the reason and the ticket, and the unlock is on the audit trail.</source>
        <translation>Den Tresor von %1 entsperren, um dessen Einträge zu lesen. %1 erhält sofort eine E-Mail mit Ihrem Namen, dem Grund und dem Ticket, und die Entsperrung wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>What the customer asked for, in their words</source>
        <translation>Worum der Kunde gebeten hat, in seinen Worten</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>The support ticket, like T-4711</source>
        <translation>Das Support-Ticket, z. B. T-4711</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>The reason is at most %1 characters.</source>
        <translation>Der Grund darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Unlocking and telling the customer…</source>
        <translation>Wird entsperrt und der Kunde benachrichtigt…</translation>
    </message>
    <message>
        <source>The customer could not be told by e-mail, so the vault stays locked. Try again later.</source>
        <translation>Der Kunde konnte nicht per E-Mail benachrichtigt werden, daher bleibt der Tresor gesperrt. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>Schlüsselserver</translation>
    </message>
</context>
<context>
    <name>credvault::ui::UnlockDialog</name>
    <message>
        <source>Unlock the vault</source>
        <translation>Tresor entsperren</translation>
    </message>
    <message>
        <source>Type the unlock code from the e-mail: 12 letters and digits, like ABCD-EFGH-JKMN.</source>
        <translation>Geben Sie den Entsperrcode aus der E-Mail ein: 12 Buchstaben und Ziffern, z. B. ABCD-EFGH-JKMN.</translation>
    </message>
    <message>
        <source>Type the unlock code sent to %1: 12 letters and digits, like ABCD-EFGH-JKMN.</source>
        <translation>Geben Sie den an %1 gesendeten Entsperrcode ein: 12 Buchstaben und Ziffern, z. B. ABCD-EFGH-JKMN.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>That is not an unlock code: it has 12 letters and digits, like ABCD-EFGH-JKMN.</source>
        <translation>Das ist kein Entsperrcode: Er besteht aus 12 Buchstaben und Ziffern, z. B. ABCD-EFGH-JKMN.</translation>
    </message>
    <message numerus="yes">
        <source>The code is not right (%n tries left).</source>
        <translation>
            <numerusform>Der Code ist nicht richtig (noch %n Versuch).</numerusform>
            <numerusform>Der Code ist nicht richtig (noch %n Versuche).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes: the code is void. Ask for a new one in %n minutes.</source>
        <translation>
            <numerusform>Zu viele falsche Codes: Der Code ist ungültig. Fordern Sie in %n Minute einen neuen an.</numerusform>
            <numerusform>Zu viele falsche Codes: Der Code ist ungültig. Fordern Sie in %n Minuten einen neuen an.</numerusform>
        </translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new one.</source>
        <translation>Der Code ist abgelaufen. Fordern Sie einen neuen an.</translation>
    </message>
    <message>
        <source>There is no live code for this vault. Ask for a new one.</source>
        <translation>Für diesen Tresor gibt es keinen gültigen Code. Fordern Sie einen neuen an.</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>Schlüsselserver</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
</context>
<context>
    <name>credvault::ui::UnlockEmailDialog</name>
    <message>
        <source>Change the unlock address</source>
        <translation>Entsperradresse ändern</translation>
    </message>
    <message>
        <source>Where %1&apos;s unlock codes go. The old, the new and the notice address are told at once; the change takes effect after the keyserver&apos;s delay and can be cancelled until then.</source>
        <translation>Wohin die Entsperrcodes von %1 gehen. Die alte, die neue und die Benachrichtigungsadresse werden sofort informiert; die Änderung wird nach der Wartezeit des Schlüsselservers wirksam und kann bis dahin zurückgenommen werden.</translation>
    </message>
    <message>
        <source>Send unlock codes to:</source>
        <translation>Entsperrcodes senden an:</translation>
    </message>
    <message>
        <source>No unlock address: the vault becomes write-only (only support can unlock it)</source>
        <translation>Keine Entsperradresse: Der Tresor wird nur beschreibbar (nur der Support kann ihn entsperren)</translation>
    </message>
    <message>
        <source>e.g. called back on the number on file, ticket T-4711</source>
        <translation>z. B. unter der hinterlegten Nummer zurückgerufen, Ticket T-4711</translation>
    </message>
    <message>
        <source>How the customer was &amp;verified:</source>
        <translation>Wie der Kunde &amp;verifiziert wurde:</translation>
    </message>
    <message>
        <source>Request the change</source>
        <translation>Änderung beantragen</translation>
    </message>
    <message>
        <source>Asking the keyserver…</source>
        <translation>Schlüsselserver wird abgefragt…</translation>
    </message>
    <message>
        <source>Only an admin&apos;s certificate may change the unlock address.</source>
        <translation>Nur mit dem Zertifikat eines Administrators kann die Entsperradresse geändert werden.</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>Schlüsselserver</translation>
    </message>
</context>
<context>
    <name>credvault::ui::VaultMainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Tresor</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Jetzt sperren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>Ü&amp;ber %1</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;Server credentials, sealed on this computer before they leave it.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;Server-Zugangsdaten, versiegelt auf diesem Computer, bevor sie ihn verlassen.</translation>
    </message>
</context>
</TS>
