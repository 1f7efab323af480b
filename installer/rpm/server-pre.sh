# credvault-server: the system user.
getent group credvault >/dev/null || groupadd -r credvault
getent passwd credvault >/dev/null || \
    useradd -r -g credvault -d /var/lib/credvault -s /sbin/nologin -c "CredVault servers" credvault
exit 0
