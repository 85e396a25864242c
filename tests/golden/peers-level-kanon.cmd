peers 受注管理システム --group industry,size,level
