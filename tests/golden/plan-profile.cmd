plan --profile small-company --name 社内業務システム
