"""The interface's translations: ``nnviz_zh_CN.ts`` (the catalogue, edited with Qt Linguist or by
hand), ``nnviz_zh_CN.qm`` (compiled, what the app loads) and ``NotoSansSC-nnviz.otf`` (the
characters the catalogue uses, from Noto Sans CJK SC, SIL Open Font License: ``OFL.txt``).
``python -m nnviz.gui.translations.update`` remakes them from the source."""
