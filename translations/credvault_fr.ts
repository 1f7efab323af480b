<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ApiClient</name>
    <message>
        <source>the %1&apos;s certificate is not trusted by this configuration</source>
        <translation>le certificat du %1 n&apos;est pas approuvé par cette configuration</translation>
    </message>
    <message>
        <source>the %1 refused your staff certificate: it has been revoked</source>
        <translation>le %1 a refusé votre certificat du personnel&#xa0;: il a été révoqué</translation>
    </message>
    <message>
        <source>the %1 refused your staff certificate: it has expired</source>
        <translation>le %1 a refusé votre certificat du personnel&#xa0;: il a expiré</translation>
    </message>
    <message>
        <source>the %1 refused your staff certificate: it is not from this deployment&apos;s staff CA</source>
        <translation>le %1 a refusé votre certificat du personnel&#xa0;: il ne provient pas de l&apos;autorité de certification (CA) du personnel de ce déploiement</translation>
    </message>
    <message>
        <source>the %1 did not answer in time</source>
        <translation>le %1 n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>the %1 gave an answer this app does not understand</source>
        <translation>le %1 a donné une réponse que cette application ne comprend pas</translation>
    </message>
    <message>
        <source>the %1 cannot be reached (%2)</source>
        <translation>le %1 est injoignable (%2)</translation>
    </message>
    <message>
        <source>no staff certificate is in use for the %1: sign out and in again to choose yours</source>
        <translation>aucun certificat du personnel n&apos;est utilisé pour le %1&#xa0;: déconnectez-vous puis reconnectez-vous pour choisir le vôtre</translation>
    </message>
</context>
<context>
    <name>EntryKinds</name>
    <message>
        <source>Server (SSH)</source>
        <translation>Serveur (SSH)</translation>
    </message>
    <message>
        <source>Password or private key</source>
        <translation>Mot de passe ou clé privée</translation>
    </message>
    <message>
        <source>Control panel</source>
        <translation>Panneau de contrôle</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>FTP</source>
        <translation>FTP</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé d&apos;API</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
</context>
<context>
    <name>credvault::client::EntryModel</name>
    <message>
        <source>Sealed entry</source>
        <translation>Entrée scellée</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>serveur du coffre</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>serveur de clés</translation>
    </message>
    <message numerus="yes">
        <source>%n entries could not be opened (sealed to another key, or damaged)</source>
        <translation>
            <numerusform>%n entrée n&apos;a pas pu être ouverte (scellée avec une autre clé, ou endommagée)</numerusform>
            <numerusform>%n entrées n&apos;ont pas pu être ouvertes (scellées avec une autre clé, ou endommagées)</numerusform>
        </translation>
    </message>
    <message>
        <source>no such entry</source>
        <translation>entrée introuvable</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccessHistoryDialog</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
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
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Access history</source>
        <translation>Historique des accès</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;à</translation>
    </message>
    <message>
        <source>Entries decrypted</source>
        <translation>Entrées déchiffrées</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Unlocks</source>
        <translation>Déverrouillages</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <source>This history is shorter than the one this computer saw before: events were removed from the keyserver&apos;s audit. Tell your hosting company&apos;s security contact.</source>
        <translation>Cet historique est plus court que celui que cet ordinateur a vu auparavant&#xa0;: des événements ont été retirés du journal d&apos;audit du serveur de clés. Prévenez le contact sécurité de votre hébergeur.</translation>
    </message>
    <message>
        <source>This history differs from the one this computer saw before: past events were rewritten in the keyserver&apos;s audit. Tell your hosting company&apos;s security contact.</source>
        <translation>Cet historique diffère de celui que cet ordinateur a vu auparavant&#xa0;: des événements passés ont été réécrits dans le journal d&apos;audit du serveur de clés. Prévenez le contact sécurité de votre hébergeur.</translation>
    </message>
    <message>
        <source>Unlocked with a code</source>
        <translation>Déverrouillé avec un code</translation>
    </message>
    <message>
        <source>A support engineer unlocked: %1, reason &quot;%2&quot;, ticket %3</source>
        <translation>Un technicien du support a déverrouillé&#xa0;: %1, motif «&#xa0;%2&#xa0;», ticket %3</translation>
    </message>
    <message numerus="yes">
        <source>%n entries decrypted</source>
        <translation>
            <numerusform>%n entrée déchiffrée</numerusform>
            <numerusform>%n entrées déchiffrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked again: the notice could not be mailed to you</source>
        <translation>Reverrouillé&#xa0;: l&apos;avis n&apos;a pas pu vous être envoyé par e-mail</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>Unlock code sent</source>
        <translation>Code de déverrouillage envoyé</translation>
    </message>
    <message>
        <source>Unlock code withdrawn (the mail failed)</source>
        <translation>Code de déverrouillage retiré (l&apos;envoi de l&apos;e-mail a échoué)</translation>
    </message>
    <message>
        <source>Unlock code expired</source>
        <translation>Code de déverrouillage expiré</translation>
    </message>
    <message>
        <source>Wrong unlock code typed</source>
        <translation>Code de déverrouillage erroné saisi</translation>
    </message>
    <message>
        <source>Too many wrong codes: unlocking blocked for a while</source>
        <translation>Trop de codes erronés&#xa0;: déverrouillage bloqué pour un moment</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Coffre créé</translation>
    </message>
    <message>
        <source>Change of the unlock e-mail requested</source>
        <translation>Changement de l&apos;adresse e-mail de déverrouillage demandé</translation>
    </message>
    <message>
        <source>Change of the unlock e-mail cancelled</source>
        <translation>Changement de l&apos;adresse e-mail de déverrouillage annulé</translation>
    </message>
    <message>
        <source>Unlock e-mail changed</source>
        <translation>Adresse e-mail de déverrouillage changée</translation>
    </message>
    <message>
        <source>Support: %1</source>
        <translation>Support&#xa0;: %1</translation>
    </message>
    <message>
        <source>You (through the vault server)</source>
        <translation>Vous (via le serveur du coffre)</translation>
    </message>
    <message>
        <source>The keyserver</source>
        <translation>Le serveur de clés</translation>
    </message>
    <message numerus="yes">
        <source>%n unlock(s) recorded</source>
        <translation>
            <numerusform>%n déverrouillage enregistré</numerusform>
            <numerusform>%n déverrouillages enregistrés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by support</source>
        <translation>
            <numerusform>%n par le support</numerusform>
            <numerusform>%n par le support</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keyserver signed this history (%n event(s) in its whole log).</source>
        <translation>
            <numerusform>Le serveur de clés a signé cet historique (%n événement dans son journal complet).</numerusform>
            <numerusform>Le serveur de clés a signé cet historique (%n événements dans son journal complet).</numerusform>
        </translation>
    </message>
    <message>
        <source>open until %1</source>
        <translation>ouvert jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>locked %1 (after %2)</source>
        <translation>verrouillé le %1 (après %2)</translation>
    </message>
    <message>
        <source>expired %1 (after %2)</source>
        <translation>expiré le %1 (après %2)</translation>
    </message>
    <message>
        <source>You, with a code</source>
        <translation>Vous, avec un code</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccessHistoryWatch</name>
    <message>
        <source>Access history</source>
        <translation>Historique des accès</translation>
    </message>
    <message>
        <source>The access history cannot be shown: %1</source>
        <translation>L&apos;historique des accès ne peut pas être affiché&#xa0;: %1</translation>
    </message>
    <message>
        <source>Access history cannot be trusted</source>
        <translation>L&apos;historique des accès n&apos;est pas fiable</translation>
    </message>
    <message>
        <source>The access history the server sent cannot be trusted: %1. Tell your hosting company&apos;s security contact.</source>
        <translation>L&apos;historique des accès envoyé par le serveur n&apos;est pas fiable&#xa0;: %1. Prévenez le contact sécurité de votre hébergeur.</translation>
    </message>
    <message>
        <source>The access history has changed</source>
        <translation>L&apos;historique des accès a changé</translation>
    </message>
    <message>
        <source>%1: %2, reason &quot;%3&quot;, ticket %4</source>
        <translation>%1&#xa0;: %2, motif «&#xa0;%3&#xa0;», ticket %4</translation>
    </message>
    <message>
        <source>Support opened your vault</source>
        <translation>Le support a ouvert votre coffre</translation>
    </message>
    <message>
        <source>A support engineer unlocked your vault and could read your entries:</source>
        <translation>Un technicien du support a déverrouillé votre coffre et a pu lire vos entrées&#xa0;:</translation>
    </message>
    <message>
        <source>If you did not ask for this, contact your hosting company and quote the ticket. Account › Access history shows every unlock.</source>
        <translation>Si vous ne l&apos;avez pas demandé, contactez votre hébergeur en citant le ticket. Compte › Historique des accès affiche chaque déverrouillage.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccountAuditView</name>
    <message>
        <source>Both servers</source>
        <translation>Les deux serveurs</translation>
    </message>
    <message>
        <source>Keyserver</source>
        <translation>Serveur de clés</translation>
    </message>
    <message>
        <source>Vault server</source>
        <translation>Serveur du coffre</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Le client</translation>
    </message>
    <message>
        <source>Support staff</source>
        <translation>Personnel du support</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>The system</source>
        <translation>Le système</translation>
    </message>
    <message>
        <source>Filter: engineer, action, ticket…</source>
        <translation>Filtrer&#xa0;: technicien, action, ticket…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit could not be read: %1</source>
        <translation>Le journal d&apos;audit du serveur de clés n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>serveur de clés</translation>
    </message>
    <message>
        <source>The vault server&apos;s audit could not be read: %1</source>
        <translation>Le journal d&apos;audit du serveur du coffre n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>serveur du coffre</translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit is not shown: %1</source>
        <translation>Le journal d&apos;audit du serveur de clés n&apos;est pas affiché&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export the audit</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n events saved to %1.</source>
        <translation>
            <numerusform>%n événement enregistré dans %1.</numerusform>
            <numerusform>%n événements enregistrés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit of this account is shorter than the one this computer saw before: events were removed. Tell your security team.</source>
        <translation>Le journal d&apos;audit du serveur de clés pour ce compte est plus court que celui que cet ordinateur a vu auparavant&#xa0;: des événements ont été supprimés. Prévenez votre équipe de sécurité.</translation>
    </message>
    <message>
        <source>The keyserver&apos;s audit of this account differs from the one this computer saw before: past events were rewritten. Tell your security team.</source>
        <translation>Le journal d&apos;audit du serveur de clés pour ce compte diffère de celui que cet ordinateur a vu auparavant&#xa0;: des événements passés ont été réécrits. Prévenez votre équipe de sécurité.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AccountTab</name>
    <message>
        <source>%1 — sign-in %2, %3
Account %4</source>
        <translation>%1 — nom de connexion %2, %3
Compte %4</translation>
    </message>
    <message>
        <source>Asking the keyserver…</source>
        <translation>Interrogation du serveur de clés…</translation>
    </message>
    <message>
        <source>Change unlock address…</source>
        <translation>Changer l&apos;adresse de déverrouillage…</translation>
    </message>
    <message>
        <source>Cancel the pending change…</source>
        <translation>Annuler le changement en attente…</translation>
    </message>
    <message>
        <source>Unlock for support…</source>
        <translation>Déverrouiller pour le support…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Verrouiller maintenant</translation>
    </message>
    <message>
        <source>&amp;Add entry…</source>
        <translation>&amp;Ajouter une entrée…</translation>
    </message>
    <message>
        <source>&amp;Edit entry…</source>
        <translation>&amp;Modifier l&apos;entrée…</translation>
    </message>
    <message numerus="yes">
        <source>%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.</source>
        <translation>
            <numerusform>%1&#xa0;: copie effectuée. Le presse-papiers sera vidé dans %n seconde, ou au verrouillage du coffre.</numerusform>
            <numerusform>%1&#xa0;: copie effectuée. Le presse-papiers sera vidé dans %n secondes, ou au verrouillage du coffre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>This customer has no vault yet: nothing to unlock.</source>
        <translation>Ce client n&apos;a pas encore de coffre&#xa0;: rien à déverrouiller.</translation>
    </message>
    <message>
        <source>The keyserver&apos;s state of this vault is unknown: %1</source>
        <translation>L&apos;état de ce coffre sur le serveur de clés est inconnu&#xa0;: %1</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>serveur de clés</translation>
    </message>
    <message>
        <source>Write-only: no unlock address, so the customer cannot unlock; support can.</source>
        <translation>En écriture seule&#xa0;: pas d&apos;adresse de déverrouillage, le client ne peut donc pas déverrouiller&#xa0;; le support le peut.</translation>
    </message>
    <message>
        <source>Unlock codes go to %1.</source>
        <translation>Les codes de déverrouillage sont envoyés à %1.</translation>
    </message>
    <message>
        <source>Notices go to %1.</source>
        <translation>Les avis sont envoyés à %1.</translation>
    </message>
    <message>
        <source>Pending: the vault becomes write-only on %1 (asked by %2).</source>
        <translation>En attente&#xa0;: le coffre passera en écriture seule le %1 (demandé par %2).</translation>
    </message>
    <message>
        <source>Pending: unlock codes go to %1 from %2 on (asked by %3).</source>
        <translation>En attente&#xa0;: les codes de déverrouillage seront envoyés à %1 à partir du %2 (demandé par %3).</translation>
    </message>
    <message>
        <source>Only an admin&apos;s certificate may change the unlock address.</source>
        <translation>Seul le certificat d&apos;un administrateur permet de changer l&apos;adresse de déverrouillage.</translation>
    </message>
    <message>
        <source>Nothing can be sealed</source>
        <translation>Rien ne peut être scellé</translation>
    </message>
    <message>
        <source>The key this vault seals to is not the one this computer knows, or the two servers disagree on it. Nothing was sealed. Tell the security team.</source>
        <translation>La clé avec laquelle ce coffre scelle n&apos;est pas celle que connaît cet ordinateur, ou les deux serveurs sont en désaccord à son sujet. Rien n&apos;a été scellé. Prévenez l&apos;équipe de sécurité.</translation>
    </message>
    <message>
        <source>This vault&apos;s key could not be checked: %1</source>
        <translation>La clé de ce coffre n&apos;a pas pu être vérifiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>serveur du coffre</translation>
    </message>
    <message>
        <source>Entry added to %1&apos;s vault.</source>
        <translation>Entrée ajoutée au coffre de %1.</translation>
    </message>
    <message>
        <source>Entry saved in %1&apos;s vault.</source>
        <translation>Entrée enregistrée dans le coffre de %1.</translation>
    </message>
    <message>
        <source>The change is pending; the customer has been told.</source>
        <translation>Le changement est en attente&#xa0;; le client a été prévenu.</translation>
    </message>
    <message>
        <source>Cancel the pending change?</source>
        <translation>Annuler le changement en attente&#xa0;?</translation>
    </message>
    <message>
        <source>The unlock address of %1&apos;s vault stays as it is. The customer is told.</source>
        <translation>L&apos;adresse de déverrouillage du coffre de %1 reste inchangée. Le client en est informé.</translation>
    </message>
    <message>
        <source>Cancel the change</source>
        <translation>Annuler le changement</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Le conserver</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Non annulé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The pending change was cancelled; the customer has been told.</source>
        <translation>Le changement en attente a été annulé&#xa0;; le client a été prévenu.</translation>
    </message>
    <message>
        <source>%1&apos;s vault is unlocked for support until %2. The customer has been told.</source>
        <translation>Le coffre de %1 est déverrouillé pour le support jusqu&apos;à %2. Le client a été prévenu.</translation>
    </message>
    <message>
        <source>%1&apos;s vault locked: the open editor was closed, nothing was saved.</source>
        <translation>Le coffre de %1 s&apos;est verrouillé&#xa0;: l&apos;éditeur ouvert a été fermé, rien n&apos;a été enregistré.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AppSettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
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
        <translation>Effacer les champs copiés après&#xa0;:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Lock after this long without use:</source>
        <translation>Verrouiller après cette durée d&apos;inactivité&#xa0;:</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Language (at the next start):</source>
        <translation>Langue (au prochain démarrage)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>credvault::ui::AutoLock</name>
    <message>
        <source>Locked because the screen locked.</source>
        <translation>Verrouillé car l&apos;écran s&apos;est verrouillé.</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minutes without use.</source>
        <translation>
            <numerusform>Verrouillé après %n minute d&apos;inactivité.</numerusform>
            <numerusform>Verrouillé après %n minutes d&apos;inactivité.</numerusform>
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
        <translation>M&apos;envoyer un code de déverrouillage</translation>
    </message>
    <message>
        <source>Enter code</source>
        <translation>Saisir le code</translation>
    </message>
    <message numerus="yes">
        <source>%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.</source>
        <translation>
            <numerusform>%1&#xa0;: copie effectuée. Le presse-papiers sera vidé dans %n seconde, ou au verrouillage du coffre.</numerusform>
            <numerusform>%1&#xa0;: copie effectuée. Le presse-papiers sera vidé dans %n secondes, ou au verrouillage du coffre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>&amp;Entrée</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Nothing to copy: select an open entry that has it.</source>
        <translation>Rien à copier&#xa0;: sélectionnez une entrée ouverte qui contient ce champ.</translation>
    </message>
    <message>
        <source>Copy &amp;user name</source>
        <translation>Copier le nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>Copy &amp;secret</source>
        <translation>Copier le se&amp;cret</translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation>Copier l&apos;a&amp;dresse</translation>
    </message>
    <message>
        <source>Copy &amp;host</source>
        <translation>Copier l&apos;&amp;hôte</translation>
    </message>
    <message>
        <source>&amp;Password generator…</source>
        <translation>&amp;Générateur de mots de passe…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>Access &amp;history…</source>
        <translation>&amp;Historique des accès…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>The configuration cannot be used: %1</source>
        <translation>La configuration est inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>This vault has no unlock address: entries can be added and changed, not read.</source>
        <translation>Ce coffre n&apos;a pas d&apos;adresse de déverrouillage&#xa0;: les entrées peuvent être ajoutées et modifiées, mais pas lues.</translation>
    </message>
    <message>
        <source>Entries are sealed. Unlock codes for this vault go to %1.</source>
        <translation>Les entrées sont scellées. Les codes de déverrouillage de ce coffre sont envoyés à %1.</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Connexion en tant que %1…</translation>
    </message>
    <message>
        <source>Your remembered sign-in has ended. Sign in again.</source>
        <translation>Votre connexion mémorisée a pris fin. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>serveur du coffre</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain did not keep the sign-in: %1</source>
        <translation>Le trousseau de cet ordinateur n&apos;a pas conservé la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 is a staff sign-in: use CredVault Support for it.</source>
        <translation>%1 est une connexion du personnel&#xa0;: utilisez CredVault Support pour celle-ci.</translation>
    </message>
    <message>
        <source>CredVault — %1</source>
        <translation>CredVault — %1</translation>
    </message>
    <message>
        <source>Checking this vault&apos;s key…</source>
        <translation>Vérification de la clé de ce coffre…</translation>
    </message>
    <message>
        <source>This vault&apos;s key could not be checked, so nothing can be sealed: %1</source>
        <translation>La clé de ce coffre n&apos;a pas pu être vérifiée, donc rien ne peut être scellé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Trust this vault&apos;s key?</source>
        <translation>Faire confiance à la clé de ce coffre&#xa0;?</translation>
    </message>
    <message>
        <source>This is the first time this computer opens this vault.</source>
        <translation>C&apos;est la première fois que cet ordinateur ouvre ce coffre.</translation>
    </message>
    <message>
        <source>This vault has no unlock address: what you add can be read only after support sets one.</source>
        <translation>Ce coffre n&apos;a pas d&apos;adresse de déverrouillage&#xa0;: ce que vous ajoutez ne pourra être lu qu&apos;une fois que le support en aura défini une.</translation>
    </message>
    <message>
        <source>Unlock codes for it go to %1. If that is your address, this is your vault.</source>
        <translation>Ses codes de déverrouillage sont envoyés à %1. Si c&apos;est votre adresse, ce coffre est le vôtre.</translation>
    </message>
    <message>
        <source>Entries will be sealed to its key %1. CredVault remembers it and warns you if it ever changes.</source>
        <translation>Les entrées seront scellées avec sa clé %1. CredVault la mémorise et vous avertit si elle change un jour.</translation>
    </message>
    <message>
        <source>Trust this key</source>
        <translation>Faire confiance à cette clé</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>This vault&apos;s key is not trusted on this computer, so nothing can be added or changed. Sign in again to decide anew.</source>
        <translation>La clé de ce coffre n&apos;est pas approuvée sur cet ordinateur, donc rien ne peut être ajouté ni modifié. Reconnectez-vous pour décider à nouveau.</translation>
    </message>
    <message>
        <source>Warning: this vault&apos;s key is not the one this computer knows. Nothing is sealed to it.</source>
        <translation>Attention&#xa0;: la clé de ce coffre n&apos;est pas celle que connaît cet ordinateur. Rien n&apos;est scellé avec elle.</translation>
    </message>
    <message>
        <source>The vault&apos;s key has changed</source>
        <translation>La clé du coffre a changé</translation>
    </message>
    <message>
        <source>The key this vault seals to is not the one this computer trusted before.</source>
        <translation>La clé avec laquelle ce coffre scelle n&apos;est pas celle que cet ordinateur approuvait auparavant.</translation>
    </message>
    <message>
        <source>Someone may be trying to read what you add. CredVault seals nothing to the new key. Unless your hosting company told you the key was replaced, keep refusing and call its support.</source>
        <translation>Quelqu&apos;un essaie peut-être de lire ce que vous ajoutez. CredVault ne scelle rien avec la nouvelle clé. À moins que votre hébergeur ne vous ait informé du remplacement de la clé, continuez à refuser et appelez son support.</translation>
    </message>
    <message>
        <source>Trusted: %1
Now: %2</source>
        <translation>Approuvée&#xa0;: %1
Actuelle&#xa0;: %2</translation>
    </message>
    <message>
        <source>Keep refusing</source>
        <translation>Continuer à refuser</translation>
    </message>
    <message>
        <source>Trust the new key…</source>
        <translation>Faire confiance à la nouvelle clé…</translation>
    </message>
    <message>
        <source>You were signed out: %1</source>
        <translation>Vous avez été déconnecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your sign-in has ended (%1). Sign in again.</source>
        <translation>Votre connexion a pris fin (%1). Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>This vault has no unlock address, so no code can be sent. Ask your hosting company&apos;s support.</source>
        <translation>Ce coffre n&apos;a pas d&apos;adresse de déverrouillage, aucun code ne peut donc être envoyé. Adressez-vous au support de votre hébergeur.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes: ask for a new one in %n minutes.</source>
        <translation>
            <numerusform>Trop de codes erronés&#xa0;: demandez-en un nouveau dans %n minute.</numerusform>
            <numerusform>Trop de codes erronés&#xa0;: demandez-en un nouveau dans %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Several codes were sent a short while ago: ask again in %n minutes.</source>
        <translation>
            <numerusform>Plusieurs codes ont été envoyés il y a peu&#xa0;: redemandez dans %n minute.</numerusform>
            <numerusform>Plusieurs codes ont été envoyés il y a peu&#xa0;: redemandez dans %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keyserver could not send the mail; no code is live. Try again later.</source>
        <translation>Le serveur de clés n&apos;a pas pu envoyer l&apos;e-mail&#xa0;; aucun code n&apos;est actif. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The keyserver cannot be reached just now; nothing was sent. Try again later.</source>
        <translation>Le serveur de clés est injoignable pour le moment&#xa0;; rien n&apos;a été envoyé. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>An unlock code was sent to %1. It works once, until %2.</source>
        <translation>Un code de déverrouillage a été envoyé à %1. Il est utilisable une seule fois, jusqu&apos;à %2.</translation>
    </message>
    <message>
        <source>Unlocked until %1. Lock now with Ctrl+L.</source>
        <translation>Déverrouillé jusqu&apos;à %1. Verrouillez maintenant avec Ctrl+L.</translation>
    </message>
    <message>
        <source>The vault locked: the open editor was closed, nothing was saved.</source>
        <translation>Le coffre s&apos;est verrouillé&#xa0;: l&apos;éditeur ouvert a été fermé, rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message numerus="yes">
        <source>Password copied. It leaves the clipboard in %n seconds.</source>
        <translation>
            <numerusform>Mot de passe copié. Il quitte le presse-papiers dans %n seconde.</numerusform>
            <numerusform>Mot de passe copié. Il quitte le presse-papiers dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry added.</source>
        <translation>Entrée ajoutée.</translation>
    </message>
    <message>
        <source>Entry saved.</source>
        <translation>Entrée enregistrée.</translation>
    </message>
    <message>
        <source>Delete the entry?</source>
        <translation>Supprimer l&apos;entrée&#xa0;?</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;?</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Delete this sealed entry?</source>
        <translation>Supprimer cette entrée scellée&#xa0;?</translation>
    </message>
    <message>
        <source>It is gone for everyone who uses this vault, support included. This cannot be undone.</source>
        <translation>Elle disparaît pour tous ceux qui utilisent ce coffre, support compris. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Entry deleted.</source>
        <translation>Entrée supprimée.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Non supprimée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryBrowser</name>
    <message>
        <source>Search the unlocked entries (Ctrl+F)</source>
        <translation>Rechercher dans les entrées déverrouillées (Ctrl+F)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryDetails</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d&apos;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>Secret&#xa0;:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Changed:</source>
        <translation>Modifiée&#xa0;:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy to the clipboard (cleared again after a while and when the vault locks)</source>
        <translation>Copier dans le presse-papiers (vidé à nouveau après un moment et au verrouillage du coffre)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>Aucune entrée sélectionnée</translation>
    </message>
    <message>
        <source>Sealed entry</source>
        <translation>Entrée scellée</translation>
    </message>
    <message>
        <source>Unlock the vault to see what this entry holds.</source>
        <translation>Déverrouillez le coffre pour voir le contenu de cette entrée.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryEditor</name>
    <message>
        <source>Add an entry</source>
        <translation>Ajouter une entrée</translation>
    </message>
    <message>
        <source>Edit the entry</source>
        <translation>Modifier l&apos;entrée</translation>
    </message>
    <message>
        <source>This entry is sealed: unlock the vault to change what it holds, or type a whole new version here to replace it.</source>
        <translation>Cette entrée est scellée&#xa0;: déverrouillez le coffre pour modifier son contenu, ou saisissez ici une version entièrement nouvelle pour la remplacer.</translation>
    </message>
    <message>
        <source>What it is, e.g. &quot;web1 production&quot;</source>
        <translation>Ce que c&apos;est, p. ex. «&#xa0;web1 production&#xa0;»</translation>
    </message>
    <message>
        <source>Host name or address</source>
        <translation>Nom d&apos;hôte ou adresse</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port&#xa0;:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation>Afficher ou masquer le secret</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>Générer…</translation>
    </message>
    <message>
        <source>Make a new random password for this entry</source>
        <translation>Créer un nouveau mot de passe aléatoire pour cette entrée</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Séparées par des virgules</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d&apos;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Address (URL):</source>
        <translation>Adresse (URL)&#xa0;:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Give the entry a title.</source>
        <translation>Donnez un titre à l&apos;entrée.</translation>
    </message>
    <message>
        <source>The notes are too long (at most %1 characters).</source>
        <translation>Les notes sont trop longues (%1 caractères au maximum).</translation>
    </message>
    <message>
        <source>Sealing and saving…</source>
        <translation>Scellement et enregistrement…</translation>
    </message>
    <message>
        <source>Someone else changed this entry while you were editing it. Your changes are still here: Save again to replace their version with yours, or Cancel to keep theirs.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié cette entrée pendant que vous la modifiiez. Vos modifications sont toujours là&#xa0;: cliquez à nouveau sur Enregistrer pour remplacer sa version par la vôtre, ou sur Annuler pour conserver la sienne.</translation>
    </message>
    <message>
        <source>This entry was deleted meanwhile; nothing was saved.</source>
        <translation>Cette entrée a été supprimée entre-temps&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The entry is too large to be sealed (at most 64 KiB in all).</source>
        <translation>L&apos;entrée est trop volumineuse pour être scellée (64 Kio au maximum au total).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>serveur du coffre</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryListProxy</name>
    <message>
        <source>Sealed</source>
        <translation>Scellée</translation>
    </message>
</context>
<context>
    <name>credvault::ui::EntryTransfer</name>
    <message>
        <source>Export and import</source>
        <translation>Exporter et importer</translation>
    </message>
    <message>
        <source>Unlock the vault first: an export holds every entry, so every entry must be open.</source>
        <translation>Déverrouillez d&apos;abord le coffre&#xa0;: un export contient toutes les entrées, elles doivent donc toutes être ouvertes.</translation>
    </message>
    <message>
        <source>The public key to seal the export to (SPKI PEM)</source>
        <translation>La clé publique avec laquelle sceller l&apos;export (SPKI PEM)</translation>
    </message>
    <message>
        <source>Public keys (*.pem *.pub);;All files (*)</source>
        <translation>Clés publiques (*.pem *.pub);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Enregistrer l&apos;export</translation>
    </message>
    <message>
        <source>CredVault exports (*.json)</source>
        <translation>Exports CredVault (*.json)</translation>
    </message>
    <message>
        <source>That key cannot be used: %1</source>
        <translation>Cette clé est inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>The export could not be sealed: %1</source>
        <translation>L&apos;export n&apos;a pas pu être scellé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation>L&apos;export n&apos;a pas pu être écrit dans %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to %1, sealed to the key %2.</source>
        <translation>
            <numerusform>%n entrée exportée vers %1, scellée avec la clé %2.</numerusform>
            <numerusform>%n entrées exportées vers %1, scellées avec la clé %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing needs a trusted vault key: sign in and trust the key first.</source>
        <translation>L&apos;import nécessite une clé de coffre approuvée&#xa0;: connectez-vous et faites d&apos;abord confiance à la clé.</translation>
    </message>
    <message>
        <source>Import entries</source>
        <translation>Importer des entrées</translation>
    </message>
    <message>
        <source>CredVault exports and CSV files (*.json *.csv);;All files (*)</source>
        <translation>Exports CredVault et fichiers CSV (*.json *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The private key the export is sealed to (PKCS#8 PEM)</source>
        <translation>La clé privée avec laquelle l&apos;export est scellé (PKCS#8 PEM)</translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key);;All files (*)</source>
        <translation>Clés privées (*.pem *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is too large to import (at most 64 MiB).</source>
        <translation>%1 est trop volumineux pour être importé (64 Mio au maximum).</translation>
    </message>
    <message>
        <source>%1 is a CredVault export: choose the private key it is sealed to.</source>
        <translation>%1 est un export CredVault&#xa0;: choisissez la clé privée avec laquelle il est scellé.</translation>
    </message>
    <message>
        <source>That private key cannot be used: %1</source>
        <translation>Cette clé privée est inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation>Rien n&apos;a été importé depuis %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 holds no entries.</source>
        <translation>%1 ne contient aucune entrée.</translation>
    </message>
    <message numerus="yes">
        <source>Add %n entries from %1 to your vault? Each is sealed to your vault&apos;s key as a new entry.</source>
        <translation>
            <numerusform>Ajouter %n entrée de %1 à votre coffre&#xa0;? Elle est scellée avec la clé de votre coffre comme nouvelle entrée.</numerusform>
            <numerusform>Ajouter %n entrées de %1 à votre coffre&#xa0;? Chacune est scellée avec la clé de votre coffre comme nouvelle entrée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>%1 of %2 entries were imported; then: %3</source>
        <translation>%1 entrées sur %2 ont été importées&#xa0;; puis&#xa0;: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n entries imported.</source>
        <translation>
            <numerusform>%n entrée importée.</numerusform>
            <numerusform>%n entrées importées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>credvault::ui::LockStatusWidget</name>
    <message>
        <source>Locked — entries are sealed</source>
        <translation>Verrouillé — les entrées sont scellées</translation>
    </message>
    <message>
        <source>Entries can be added and changed, but not read, until the vault is unlocked.</source>
        <translation>Les entrées peuvent être ajoutées et modifiées, mais pas lues, tant que le coffre n&apos;est pas déverrouillé.</translation>
    </message>
    <message>
        <source>Unlocked until %1 (%2 left)</source>
        <translation>Déverrouillé jusqu&apos;à %1 (encore %2)</translation>
    </message>
    <message>
        <source>The vault locks by itself at %1, or when you lock it or sign out.</source>
        <translation>Le coffre se verrouille de lui-même à %1, ou quand vous le verrouillez ou vous déconnectez.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::PasswordGeneratorDialog</name>
    <message>
        <source>Generate a password</source>
        <translation>Générer un mot de passe</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Draw another password with these options</source>
        <translation>Générer un autre mot de passe avec ces options</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Longueur&#xa0;:</translation>
    </message>
    <message>
        <source>Lower-case letters (a–z)</source>
        <translation>Lettres minuscules (a–z)</translation>
    </message>
    <message>
        <source>Capital letters (A–Z)</source>
        <translation>Lettres majuscules (A–Z)</translation>
    </message>
    <message>
        <source>Digits (0–9)</source>
        <translation>Chiffres (0–9)</translation>
    </message>
    <message>
        <source>Symbols (!#$%…)</source>
        <translation>Symboles (!#$%…)</translation>
    </message>
    <message>
        <source>Leave out look-alikes (0 O o 1 l I |)</source>
        <translation>Exclure les caractères qui se ressemblent (0 O o 1 l I |)</translation>
    </message>
    <message>
        <source>Pronounceable (syllables, one digit, one capital)</source>
        <translation>Prononçable (syllabes, un chiffre, une majuscule)</translation>
    </message>
    <message>
        <source>Use this password</source>
        <translation>Utiliser ce mot de passe</translation>
    </message>
    <message>
        <source>Choose at least one kind of character.</source>
        <translation>Choisissez au moins un type de caractère.</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>très fort</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>fort</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>moyen</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>faible</translation>
    </message>
    <message numerus="yes">
        <source>%n bits of entropy: %1</source>
        <translation>
            <numerusform>%n bit d&apos;entropie&#xa0;: %1</numerusform>
            <numerusform>%n bits d&apos;entropie&#xa0;: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>credvault::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Mot de passe actuel&#xa0;:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>Répétez le nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Two-step sign-in (authenticator app)</source>
        <translation>Connexion en deux étapes (application d&apos;authentification)</translation>
    </message>
    <message>
        <source>On: signing in asks for a code from your authenticator app.</source>
        <translation>Activée&#xa0;: la connexion demande un code de votre application d&apos;authentification.</translation>
    </message>
    <message>
        <source>Off: signing in needs only your password.</source>
        <translation>Désactivée&#xa0;: la connexion ne demande que votre mot de passe.</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>Votre mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Set up a new authenticator…</source>
        <translation>Configurer une nouvelle application d&apos;authentification…</translation>
    </message>
    <message>
        <source>Set up…</source>
        <translation>Configurer…</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 chiffres</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Secret (type it into the app):</source>
        <translation>Secret (saisissez-le dans l&apos;application)&#xa0;:</translation>
    </message>
    <message>
        <source>Or this link (otpauth):</source>
        <translation>Ou ce lien (otpauth)&#xa0;:</translation>
    </message>
    <message>
        <source>Code from the app:</source>
        <translation>Code de l&apos;application&#xa0;:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Type your current password and the new one.</source>
        <translation>Saisissez votre mot de passe actuel et le nouveau.</translation>
    </message>
    <message>
        <source>The new password and its repetition differ.</source>
        <translation>Le nouveau mot de passe et sa répétition diffèrent.</translation>
    </message>
    <message>
        <source>The new password is the current one.</source>
        <translation>Le nouveau mot de passe est identique à l&apos;actuel.</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Modification…</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>Le mot de passe n&apos;a pas été changé&#xa0;: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>serveur du coffre</translation>
    </message>
    <message>
        <source>Your password is changed. Every other computer signed in with it must sign in again.</source>
        <translation>Votre mot de passe a été changé. Tout autre ordinateur connecté avec celui-ci doit se reconnecter.</translation>
    </message>
    <message>
        <source>Type your password to set up two-step sign-in.</source>
        <translation>Saisissez votre mot de passe pour configurer la connexion en deux étapes.</translation>
    </message>
    <message>
        <source>Your password is not right.</source>
        <translation>Votre mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>Two-step sign-in cannot be set up: %1</source>
        <translation>La connexion en deux étapes ne peut pas être configurée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Add the secret to your authenticator app, then type the code it shows. Nothing changes until the code is confirmed.</source>
        <translation>Ajoutez le secret à votre application d&apos;authentification, puis saisissez le code qu&apos;elle affiche. Rien ne change tant que le code n&apos;est pas confirmé.</translation>
    </message>
    <message>
        <source>That code does not match. Check the app&apos;s clock and type the code it shows now.</source>
        <translation>Ce code ne correspond pas. Vérifiez l&apos;horloge de l&apos;application et saisissez le code qu&apos;elle affiche maintenant.</translation>
    </message>
    <message>
        <source>Two-step sign-in was not set up: %1</source>
        <translation>La connexion en deux étapes n&apos;a pas été configurée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Two-step sign-in is on.</source>
        <translation>La connexion en deux étapes est activée.</translation>
    </message>
</context>
<context>
    <name>credvault::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>credvault::ui::SignInDialog</name>
    <message>
        <source>Sign in to CredVault</source>
        <translation>Se connecter à CredVault</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 chiffres</translation>
    </message>
    <message>
        <source>Authenticator code:</source>
        <translation>Code d&apos;authentification&#xa0;:</translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation>Nom de connexion&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Se souvenir de moi sur cet ordinateur</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message numerus="yes">
        <source>The sign-in name or password is wrong (%n tries left before a pause).</source>
        <translation>
            <numerusform>Le nom de connexion ou le mot de passe est erroné (encore %n essai avant une pause).</numerusform>
            <numerusform>Le nom de connexion ou le mot de passe est erroné (encore %n essais avant une pause).</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in name or password is wrong.</source>
        <translation>Le nom de connexion ou le mot de passe est erroné.</translation>
    </message>
    <message>
        <source>Enter the six-digit code from your authenticator app.</source>
        <translation>Saisissez le code à six chiffres de votre application d&apos;authentification.</translation>
    </message>
    <message>
        <source>The authenticator code is wrong or was already used; wait for the next one.</source>
        <translation>Le code d&apos;authentification est erroné ou a déjà été utilisé&#xa0;; attendez le suivant.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins: try again in %n seconds.</source>
        <translation>
            <numerusform>Trop de connexions échouées&#xa0;: réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de connexions échouées&#xa0;: réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>This sign-in is disabled. Ask your hosting company&apos;s support.</source>
        <translation>Cette connexion est désactivée. Adressez-vous au support de votre hébergeur.</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>serveur du coffre</translation>
    </message>
    <message>
        <source>Enter your sign-in name and password.</source>
        <translation>Saisissez votre nom de connexion et votre mot de passe.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>credvault::ui::StaffCertificateDialog</name>
    <message>
        <source>Staff certificate</source>
        <translation>Certificat du personnel</translation>
    </message>
    <message>
        <source>Unlocks for support go through the keyserver&apos;s staff channel, which knows you by your staff certificate. Choose its file (.p12) and type its passphrase.</source>
        <translation>Les déverrouillages pour le support passent par le canal du personnel du serveur de clés, qui vous identifie par votre certificat du personnel. Choisissez son fichier (.p12) et saisissez sa phrase secrète.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in this computer&apos;s keychain</source>
        <translation>&amp;Mémoriser la phrase secrète dans le trousseau de cet ordinateur</translation>
    </message>
    <message>
        <source>Use certificate</source>
        <translation>Utiliser le certificat</translation>
    </message>
    <message>
        <source>The passphrase is not right for this certificate.</source>
        <translation>La phrase secrète est incorrecte pour ce certificat.</translation>
    </message>
    <message>
        <source>The certificate file cannot be read: %1</source>
        <translation>Le fichier du certificat ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>This file is not a staff certificate (a PKCS#12 file, .p12).</source>
        <translation>Ce fichier n&apos;est pas un certificat du personnel (un fichier PKCS#12, .p12).</translation>
    </message>
    <message>
        <source>This staff certificate has expired: ask an admin for a new one. (%1)</source>
        <translation>Ce certificat du personnel a expiré&#xa0;: demandez-en un nouveau à un administrateur. (%1)</translation>
    </message>
    <message>
        <source>This staff certificate is not valid yet, or this computer&apos;s clock is wrong. (%1)</source>
        <translation>Ce certificat du personnel n&apos;est pas encore valide, ou l&apos;horloge de cet ordinateur est fausse. (%1)</translation>
    </message>
    <message>
        <source>This is not a staff certificate: it has no support or admin role. (%1)</source>
        <translation>Ce n&apos;est pas un certificat du personnel&#xa0;: il n&apos;a ni rôle support ni rôle administrateur. (%1)</translation>
    </message>
    <message>
        <source>This certificate is not made for signing in to a server. Ask an admin for a staff certificate.</source>
        <translation>Ce certificat n&apos;est pas conçu pour se connecter à un serveur. Demandez un certificat du personnel à un administrateur.</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>serveur de clés</translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>Certificats PKCS#12 (*.p12 *.pfx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Asking the keyserver…</source>
        <translation>Interrogation du serveur de clés…</translation>
    </message>
    <message>
        <source>This staff certificate is %1&apos;s, but you signed in as %2. Choose your own certificate.</source>
        <translation>Ce certificat du personnel appartient à %1, mais vous êtes connecté en tant que %2. Choisissez votre propre certificat.</translation>
    </message>
    <message>
        <source>This is an admin&apos;s certificate, but %1 signs in as support. Ask an admin to set your role or to issue a support certificate.</source>
        <translation>Ce certificat est celui d&apos;un administrateur, mais %1 se connecte en tant que support. Demandez à un administrateur de corriger votre rôle ou d&apos;émettre un certificat de support.</translation>
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
        <translation>Rechercher un client par nom, nom de connexion, e-mail ou identifiant de compte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Nom de connexion</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Coffre</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>Rechercher un client</translation>
    </message>
    <message>
        <source>The configuration cannot be used: %1</source>
        <translation>La configuration est inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Connexion en tant que %1…</translation>
    </message>
    <message>
        <source>%1 is a customer&apos;s sign-in. This app is for the support team.</source>
        <translation>%1 est une connexion de client. Cette application est destinée à l&apos;équipe du support.</translation>
    </message>
    <message>
        <source>Signed in as %1. Now the staff certificate…</source>
        <translation>Connecté en tant que %1. Maintenant, le certificat du personnel…</translation>
    </message>
    <message>
        <source>Signed in as %1 without a staff certificate: customers can be found, but no vault can be unlocked. Sign out and in again to choose it.</source>
        <translation>Connecté en tant que %1 sans certificat du personnel&#xa0;: les clients peuvent être trouvés, mais aucun coffre ne peut être déverrouillé. Déconnectez-vous puis reconnectez-vous pour le choisir.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2), with the staff certificate of %3, valid until %4.</source>
        <translation>Connecté en tant que %1 (%2), avec le certificat du personnel de %3, valide jusqu&apos;à %4.</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>vault server</source>
        <translation>serveur du coffre</translation>
    </message>
    <message>
        <source>sign-in disabled</source>
        <translation>connexion désactivée</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>pas encore</translation>
    </message>
    <message numerus="yes">
        <source>%n customers found.</source>
        <translation>
            <numerusform>%n client trouvé.</numerusform>
            <numerusform>%n clients trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keychain did not keep the passphrase: %1</source>
        <translation>Le trousseau n&apos;a pas conservé la phrase secrète&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>credvault::ui::SupportUnlockDialog</name>
    <message>
        <source>Unlock for support</source>
        <translation>Déverrouiller pour le support</translation>
    </message>
    <message>
        <source>Unlock %1&apos;s vault to read its entries. %1 is e-mailed at once with your name, the reason and the ticket, and the unlock is on the audit trail.</source>
        <translation>Déverrouiller le coffre de %1 pour lire ses entrées. %1 reçoit immédiatement un e-mail avec votre nom, le motif et le ticket, et le déverrouillage est inscrit au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>What the customer asked for, in their words</source>
        <translation>Ce que le client a demandé, avec ses mots</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>The support ticket, like T-4711</source>
        <translation>Le ticket du support, comme T-4711</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket&#xa0;:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>The reason is at most %1 characters.</source>
        <translation>Le motif compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>Unlocking and telling the customer…</source>
        <translation>Déverrouillage et information du client…</translation>
    </message>
    <message>
        <source>The customer could not be told by e-mail, so the vault stays locked. Try again later.</source>
        <translation>Le client n&apos;a pas pu être prévenu par e-mail, le coffre reste donc verrouillé. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>serveur de clés</translation>
    </message>
</context>
<context>
    <name>credvault::ui::UnlockDialog</name>
    <message>
        <source>Unlock the vault</source>
        <translation>Déverrouiller le coffre</translation>
    </message>
    <message>
        <source>Type the unlock code from the e-mail: 12 letters and digits, like ABCD-EFGH-JKMN.</source>
        <translation>Saisissez le code de déverrouillage reçu par e-mail&#xa0;: 12 lettres et chiffres, comme ABCD-EFGH-JKMN.</translation>
    </message>
    <message>
        <source>Type the unlock code sent to %1: 12 letters and digits, like ABCD-EFGH-JKMN.</source>
        <translation>Saisissez le code de déverrouillage envoyé à %1&#xa0;: 12 lettres et chiffres, comme ABCD-EFGH-JKMN.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>That is not an unlock code: it has 12 letters and digits, like ABCD-EFGH-JKMN.</source>
        <translation>Ce n&apos;est pas un code de déverrouillage&#xa0;: il compte 12 lettres et chiffres, comme ABCD-EFGH-JKMN.</translation>
    </message>
    <message numerus="yes">
        <source>The code is not right (%n tries left).</source>
        <translation>
            <numerusform>Le code est incorrect (encore %n essai).</numerusform>
            <numerusform>Le code est incorrect (encore %n essais).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes: the code is void. Ask for a new one in %n minutes.</source>
        <translation>
            <numerusform>Trop de codes erronés&#xa0;: le code est annulé. Demandez-en un nouveau dans %n minute.</numerusform>
            <numerusform>Trop de codes erronés&#xa0;: le code est annulé. Demandez-en un nouveau dans %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new one.</source>
        <translation>Le code a expiré. Demandez-en un nouveau.</translation>
    </message>
    <message>
        <source>There is no live code for this vault. Ask for a new one.</source>
        <translation>Aucun code actif pour ce coffre. Demandez-en un nouveau.</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>serveur de clés</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
</context>
<context>
    <name>credvault::ui::UnlockEmailDialog</name>
    <message>
        <source>Change the unlock address</source>
        <translation>Changer l&apos;adresse de déverrouillage</translation>
    </message>
    <message>
        <source>Where %1&apos;s unlock codes go. The old, the new and the notice address are told at once; the change takes effect after the keyserver&apos;s delay and can be cancelled until then.</source>
        <translation>Où sont envoyés les codes de déverrouillage de %1. L&apos;ancienne adresse, la nouvelle et l&apos;adresse des avis sont prévenues immédiatement&#xa0;; le changement prend effet après le délai du serveur de clés et peut être annulé jusque-là.</translation>
    </message>
    <message>
        <source>Send unlock codes to:</source>
        <translation>Envoyer les codes de déverrouillage à&#xa0;:</translation>
    </message>
    <message>
        <source>No unlock address: the vault becomes write-only (only support can unlock it)</source>
        <translation>Aucune adresse de déverrouillage&#xa0;: le coffre passe en écriture seule (seul le support peut le déverrouiller)</translation>
    </message>
    <message>
        <source>e.g. called back on the number on file, ticket T-4711</source>
        <translation>p. ex. rappelé au numéro enregistré, ticket T-4711</translation>
    </message>
    <message>
        <source>How the customer was &amp;verified:</source>
        <translation>Comment le client a été &amp;vérifié&#xa0;:</translation>
    </message>
    <message>
        <source>Request the change</source>
        <translation>Demander le changement</translation>
    </message>
    <message>
        <source>Asking the keyserver…</source>
        <translation>Interrogation du serveur de clés…</translation>
    </message>
    <message>
        <source>Only an admin&apos;s certificate may change the unlock address.</source>
        <translation>Seul le certificat d&apos;un administrateur permet de changer l&apos;adresse de déverrouillage.</translation>
    </message>
    <message>
        <source>keyserver</source>
        <translation>serveur de clés</translation>
    </message>
</context>
<context>
    <name>credvault::ui::VaultMainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>C&amp;offre</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>À &amp;propos de %1</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;Server credentials, sealed on this computer before they leave it.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;Identifiants de serveurs, scellés sur cet ordinateur avant de le quitter.</translation>
    </message>
</context>
</TS>
