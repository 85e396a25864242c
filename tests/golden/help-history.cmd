help history
