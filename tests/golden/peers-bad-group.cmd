peers 受注管理システム --group industry,region
