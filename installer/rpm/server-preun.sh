# credvault-server: stop the servers when the package is erased (not on upgrade).
if [ "$1" -eq 0 ] && [ -d /run/systemd/system ]; then
    systemctl stop credvault-server.service credvault-keyserver.service >/dev/null 2>&1 || :
fi
exit 0
