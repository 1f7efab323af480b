# credvault-server: the configuration and data folders, made once; nothing enabled or started.
[ -d /etc/credvault ] || install -d -m 0750 -o root -g credvault /etc/credvault
[ -d /var/lib/credvault ] || install -d -m 0700 -o credvault -g credvault /var/lib/credvault
if [ -d /run/systemd/system ]; then
    systemctl --system daemon-reload >/dev/null 2>&1 || :
fi
exit 0
