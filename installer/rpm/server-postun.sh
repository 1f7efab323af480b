# credvault-server: after an upgrade, running servers go on with the new version; after
# an erase the empty folders go (keys, databases and configuration are kept).
if [ -d /run/systemd/system ]; then
    systemctl --system daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 1 ]; then
        systemctl try-restart credvault-keyserver.service credvault-server.service >/dev/null 2>&1 || :
    fi
fi
if [ "$1" -eq 0 ]; then
    rmdir /var/lib/credvault /etc/credvault 2>/dev/null || :
fi
exit 0
