# cmake -DROOT=<dir> -P CheckNoGuiIncludes.cmake
# Fails (exit != 0) naming file and line when a source under ROOT includes a header of
# QtGui, QtWidgets or another GUI module, with or without the module prefix.
if(NOT ROOT OR NOT IS_DIRECTORY "${ROOT}")
    message(FATAL_ERROR "CheckNoGuiIncludes: ROOT must name a directory")
endif()
set(gui_modules "QtGui|QtWidgets|QtOpenGL|QtOpenGLWidgets|QtSvg|QtSvgWidgets|QtQuick|QtQml|QtPrintSupport")
# Common GUI classes included without a module prefix.
set(gui_classes "QWidget|QApplication|QGuiApplication|QMainWindow|QDialog|QMessageBox|QImage|QPixmap|QIcon|QColor|QFont|QClipboard|QPainter|QAction|QKeySequence|QDesktopServices|QValidator|QStandardItemModel")
file(GLOB_RECURSE files "${ROOT}/*.h" "${ROOT}/*.hpp" "${ROOT}/*.cpp" "${ROOT}/*.in")
set(bad "")
foreach(f IN LISTS files)
    file(STRINGS "${f}" lines)
    set(n 0)
    foreach(line IN LISTS lines)
        math(EXPR n "${n} + 1")
        if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"](${gui_modules})([/>\"])"
           OR line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"](${gui_classes})[>\"]")
            string(APPEND bad "  ${f}:${n}: ${line}\n")
        endif()
    endforeach()
endforeach()
if(bad)
    message(FATAL_ERROR "GUI headers included where no UI is allowed (core/ and server/ link only QtCore and QtNetwork):\n${bad}")
endif()
