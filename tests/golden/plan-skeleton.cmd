plan --catalog ecom-2004 --level 3 --name 受注管理システム
